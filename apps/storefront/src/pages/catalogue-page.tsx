import { useState, type FormEvent } from 'react';
import { listProducts, type CatalogueQuery } from '../api/shop.js';
import { Field } from '../components/field.js';
import { ProductCard } from '../components/product-card.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { placeFieldErrors } from '../domain/field-errors.js';
import { parseMajorAmount } from '../domain/money.js';
import { useResource } from '../hooks/use-resource.js';
import { ApiError } from '../api/errors.js';

const pageSize = 12;
// The catalogue is priced in one currency today; the filter reads prices in it.
const filterCurrency = 'USD';

interface Filters {
  category: string;
  minPrice: string;
  maxPrice: string;
}

function toQuery(filters: Filters): { query: CatalogueQuery; invalid: Record<string, string> } {
  const invalid: Record<string, string> = {};
  const query: CatalogueQuery = { limit: pageSize };
  if (filters.category.trim()) query.category = filters.category.trim().toLowerCase();
  for (const bound of ['minPrice', 'maxPrice'] as const) {
    if (!filters[bound].trim()) continue;
    const amount = parseMajorAmount(filters[bound], filterCurrency);
    if (amount === undefined) invalid[bound] = 'Enter a price such as 12 or 12.50.';
    else query[bound] = amount;
  }
  return { query, invalid };
}

export function CataloguePage() {
  const [draft, setDraft] = useState<Filters>({ category: '', minPrice: '', maxPrice: '' });
  const [query, setQuery] = useState<CatalogueQuery>({ limit: pageSize });
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  // The cursors of the pages before this one, so "Previous" can go back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([]);
  const page = useResource(() => listProducts(query), [query]);
  const apiErrors = page.error instanceof ApiError ? placeFieldErrors(page.error.violations, ['category', 'minPrice', 'maxPrice']).byField : {};
  const errorOf = (field: keyof Filters) => invalid[field] ?? apiErrors[field];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = toQuery(draft);
    setInvalid(next.invalid);
    if (Object.keys(next.invalid).length > 0) return;
    setCursors([]);
    setQuery(next.query);
  };
  const change = (field: keyof Filters) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  return (
    <section>
      <h1>Catalogue</h1>
      <form className="filters" onSubmit={apply} aria-label="Filter products" noValidate>
        <Field label="Category" value={draft.category} onChange={change('category')} placeholder="e.g. kitchen" error={errorOf('category')} />
        <Field label="Lowest price ($)" inputMode="decimal" value={draft.minPrice} onChange={change('minPrice')} error={errorOf('minPrice')} />
        <Field label="Highest price ($)" inputMode="decimal" value={draft.maxPrice} onChange={change('maxPrice')} error={errorOf('maxPrice')} />
        <button type="submit">Apply filters</button>
      </form>
      {page.state === 'loading' && <Loading what="products" />}
      {page.state === 'error' && <ErrorMessage error={page.error} retry={page.reload} />}
      {page.state === 'ready' &&
        (page.data.items.length === 0 ? (
          <Empty>No products match these filters.</Empty>
        ) : (
          <ul className="grid" aria-label="Products">
            {page.data.items.map((product) => (
              <ProductCard key={product.productId} product={product} />
            ))}
          </ul>
        ))}
      <nav className="pager" aria-label="Catalogue pages">
        <button
          type="button"
          disabled={cursors.length === 0}
          onClick={() => {
            const previous = cursors.slice(0, -1);
            const cursor = cursors[cursors.length - 1];
            setCursors(previous);
            setQuery({ ...query, ...(cursor ? { cursor } : { cursor: undefined }) });
          }}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={page.state !== 'ready' || !page.data.nextCursor}
          onClick={() => {
            if (page.state !== 'ready' || !page.data.nextCursor) return;
            setCursors([...cursors, query.cursor]);
            setQuery({ ...query, cursor: page.data.nextCursor });
          }}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}
