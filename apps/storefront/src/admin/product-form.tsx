import { useState, type FormEvent } from 'react';
import type { Product } from '../api/shop.js';
import { Field } from '../components/field.js';
import { ErrorMessage } from '../components/states.js';
import { parseMajorAmount, toMajorText } from '../domain/money.js';
import { useFormErrors } from '../hooks/use-form-errors.js';
import type { CreateProduct } from './admin-api.js';

type ProductFields = Omit<CreateProduct, 'stock' | 'imageUrl'> & { stock?: number };

interface ProductFormProps {
  /** The product being edited; a new product (with its first stock) when absent. */
  product?: Product;
  onSave: (fields: ProductFields) => Promise<void>;
  onCancel?: () => void;
}

const fields = ['name', 'description', 'category', 'price', 'stock'];

export function ProductForm({ product, onSave, onCancel }: ProductFormProps) {
  const currency = product?.price.currency ?? 'USD';
  const [draft, setDraft] = useState({
    name: product?.name ?? '',
    description: product?.description ?? '',
    category: product?.category ?? '',
    price: product ? toMajorText(product.price) : '',
    stock: product ? '' : '10',
  });
  const { errors, setErrors, busy, submit } = useFormErrors(fields);
  const change = (field: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseMajorAmount(draft.price, currency);
    const stock = product ? undefined : Number(draft.stock);
    const invalid: Record<string, string> = {};
    if (amount === undefined) invalid['price'] = 'Enter a price such as 12.99.';
    if (stock !== undefined && !(Number.isInteger(stock) && stock >= 0)) invalid['stock'] = 'Enter a whole number of units.';
    if (amount === undefined || Object.keys(invalid).length > 0) return setErrors({ byField: invalid });
    void submit(() =>
      onSave({
        name: draft.name,
        description: draft.description,
        category: draft.category,
        price: { amount, currency },
        ...(stock !== undefined ? { stock } : {}),
      }),
    );
  };

  return (
    <form onSubmit={onSubmit} className="stack" aria-label={product ? `Edit ${product.name}` : 'New product'} noValidate>
      {errors.summary && <ErrorMessage error={errors.summary} />}
      <Field label="Name" value={draft.name} onChange={change('name')} error={errors.byField['name']} required />
      <Field label="Description" value={draft.description} onChange={change('description')} error={errors.byField['description']} required />
      <Field label="Category" value={draft.category} onChange={change('category')} error={errors.byField['category']} required />
      <Field label={`Price (${currency})`} inputMode="decimal" value={draft.price} onChange={change('price')} error={errors.byField['price']} required />
      {!product && <Field label="Initial stock" inputMode="numeric" value={draft.stock} onChange={change('stock')} error={errors.byField['stock']} required />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : product ? 'Save changes' : 'Create product'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
