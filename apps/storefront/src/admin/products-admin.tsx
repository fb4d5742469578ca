import { useState } from 'react';
import { messageOf } from '../api/errors.js';
import { listProducts, type Product } from '../api/shop.js';
import { Empty, ErrorMessage, Loading, Notice } from '../components/states.js';
import { formatMoney } from '../domain/money.js';
import { useResource } from '../hooks/use-resource.js';
import { archiveProduct, createProduct, updateProduct } from './admin-api.js';
import { ProductForm } from './product-form.js';
import { RestockForm } from './restock-form.js';

function ProductRow({ product, onChanged }: { product: Product; onChanged: (message: string) => void }) {
  const [mode, setMode] = useState<'view' | 'edit' | 'restock'>('view');
  const [error, setError] = useState<string>();

  const archive = async () => {
    if (!window.confirm(`Archive ${product.name}? It leaves the catalogue.`)) return;
    try {
      await archiveProduct(product.productId);
      onChanged(`${product.name} archived.`);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <li className="line admin-line">
      <div>
        <strong>{product.name}</strong>
        <div className="muted">
          {product.category} · {formatMoney(product.price)} · {product.availableStock} in stock
        </div>
      </div>
      <div className="actions">
        <button type="button" aria-expanded={mode === 'edit'} onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}>
          Edit {product.name}
        </button>
        <button type="button" aria-expanded={mode === 'restock'} onClick={() => setMode(mode === 'restock' ? 'view' : 'restock')}>
          Restock {product.name}
        </button>
        <button type="button" className="danger" onClick={() => void archive()}>
          Archive {product.name}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {mode === 'edit' && (
        <ProductForm
          product={product}
          onCancel={() => setMode('view')}
          onSave={async (fields) => {
            await updateProduct(product.productId, { name: fields.name, description: fields.description, category: fields.category, price: fields.price });
            setMode('view');
            onChanged(`${fields.name} saved.`);
          }}
        />
      )}
      {mode === 'restock' && <RestockForm product={product} />}
    </li>
  );
}

export function ProductsAdmin() {
  const [cursor, setCursor] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string>();
  const page = useResource(() => listProducts({ limit: 20, ...(cursor ? { cursor } : {}) }), [cursor]);
  const changed = (text: string) => {
    setMessage(text);
    page.reload();
  };

  return (
    <section>
      <h2>Products</h2>
      {message && <Notice>{message}</Notice>}
      {creating ? (
        <ProductForm
          onCancel={() => setCreating(false)}
          onSave={async (fields) => {
            await createProduct({ ...fields, stock: fields.stock ?? 0 });
            setCreating(false);
            changed(`${fields.name} created.`);
          }}
        />
      ) : (
        <button type="button" onClick={() => setCreating(true)}>
          New product
        </button>
      )}
      {page.state === 'loading' && <Loading what="products" />}
      {page.state === 'error' && <ErrorMessage error={page.error} retry={page.reload} />}
      {page.state === 'ready' &&
        (page.data.items.length === 0 ? (
          <Empty>No products yet.</Empty>
        ) : (
          <ul className="lines" aria-label="Catalogue products">
            {page.data.items.map((product) => (
              <ProductRow key={product.productId} product={product} onChanged={changed} />
            ))}
          </ul>
        ))}
      {page.state === 'ready' && page.data.nextCursor && (
        <button type="button" onClick={() => setCursor(page.data.nextCursor ?? undefined)}>
          More products
        </button>
      )}
    </section>
  );
}
