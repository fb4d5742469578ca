import { useState, type FormEvent } from 'react';
import type { Product } from '../api/shop.js';
import { Field } from '../components/field.js';
import { ErrorMessage, Notice } from '../components/states.js';
import { useFormErrors } from '../hooks/use-form-errors.js';
import { restock } from './admin-api.js';

export function RestockForm({ product }: { product: Product }) {
  const [quantity, setQuantity] = useState('10');
  const [done, setDone] = useState<string>();
  const { errors, setErrors, busy, submit } = useFormErrors(['quantity']);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const units = Number(quantity);
    if (!Number.isInteger(units) || units < 1) return setErrors({ byField: { quantity: 'Enter a whole number of at least 1.' } });
    void submit(async () => {
      const stock = await restock(product.productId, units);
      setDone(`${product.name}: ${stock.availableStock} available now.`);
    });
  };

  return (
    <form onSubmit={onSubmit} className="inline" aria-label={`Restock ${product.name}`} noValidate>
      {errors.summary && <ErrorMessage error={errors.summary} />}
      <Field label={`Units to add to ${product.name}`} inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} error={errors.byField['quantity']} />
      <button type="submit" disabled={busy}>
        Restock
      </button>
      {done && <Notice>{done}</Notice>}
    </form>
  );
}
