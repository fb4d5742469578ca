import { useState, type FormEvent } from 'react';
import { addToCart, getProduct } from '../api/shop.js';
import { Field } from '../components/field.js';
import { Availability } from '../components/product-card.js';
import { ErrorMessage, Loading, Notice } from '../components/states.js';
import { parseQuantity, quantityLimits } from '../domain/cart.js';
import { formatMoney } from '../domain/money.js';
import { hrefOf } from '../domain/routes.js';
import { useFormErrors } from '../hooks/use-form-errors.js';
import { useResource } from '../hooks/use-resource.js';
import { useSession } from '../hooks/use-session.js';

export function ProductPage({ productId }: { productId: string }) {
  const product = useResource(() => getProduct(productId), [productId]);
  const session = useSession();
  const [quantity, setQuantity] = useState('1');
  const [added, setAdded] = useState<string>();
  const { errors, setErrors, busy, submit } = useFormErrors(['quantity']);

  if (product.state === 'loading') return <Loading what="the product" />;
  if (product.state === 'error') return <ErrorMessage error={product.error} retry={product.reload} />;
  const { data } = product;

  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    setAdded(undefined);
    const units = parseQuantity(quantity);
    if (units === undefined) {
      setErrors({ byField: { quantity: `Enter a whole number from ${quantityLimits.min} to ${quantityLimits.max}.` } });
      return;
    }
    void submit(async () => {
      await addToCart(productId, units);
      setAdded(`Added ${units} × ${data.name} to your cart.`);
    });
  };

  return (
    <article className="product">
      <p>
        <a href={hrefOf('/')}>← Catalogue</a>
      </p>
      <h1>{data.name}</h1>
      <p className="category">{data.category}</p>
      <p className="price">{formatMoney(data.price)}</p>
      <p>
        <Availability product={data} />
      </p>
      <p>{data.description}</p>
      {data.status === 'archived' ? (
        <p role="alert">This product is no longer sold.</p>
      ) : session ? (
        <form onSubmit={onAdd} className="inline" noValidate>
          {errors.summary && <ErrorMessage error={errors.summary} />}
          <Field label="Quantity" inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} error={errors.byField['quantity']} />
          <button type="submit" disabled={busy || !data.inStock}>
            {busy ? 'Adding…' : 'Add to cart'}
          </button>
        </form>
      ) : (
        <p>
          <a href={hrefOf('/login')}>Log in</a> to add it to your cart.
        </p>
      )}
      {added && (
        <Notice>
          {added} <a href={hrefOf('/cart')}>View cart</a>
        </Notice>
      )}
    </article>
  );
}
