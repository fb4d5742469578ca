import { useEffect, useState } from 'react';
import { getCart, removeFromCart, setQuantity, type Cart } from '../api/shop.js';
import { messageOf } from '../api/errors.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { checkoutBlocker, parseQuantity, quantityLimits, unitCount } from '../domain/cart.js';
import { formatMoney } from '../domain/money.js';
import { hrefOf } from '../domain/routes.js';
import { useResource } from '../hooks/use-resource.js';

type Line = Cart['items'][number];

function CartLineRow({ line, onChange }: { line: Line; onChange: (cart: Cart) => void }) {
  const [quantity, setDraft] = useState(String(line.quantity));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(String(line.quantity)), [line.quantity]);

  async function run(change: () => Promise<Cart>) {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await change());
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const update = () => {
    const units = parseQuantity(quantity);
    if (units === undefined) return setError(`Enter a whole number from ${quantityLimits.min} to ${quantityLimits.max}.`);
    if (units !== line.quantity) void run(() => setQuantity(line.productId, units));
  };
  const inputId = `quantity-${line.productId}`;

  return (
    <li className="line">
      <div>
        <a href={hrefOf(`/product/${line.productId}`)}>{line.name}</a>
        <div className="muted">{formatMoney(line.price)} each</div>
        {!line.available && <div className="field-error">No longer available</div>}
      </div>
      <form
        className="inline"
        onSubmit={(event) => {
          event.preventDefault();
          update();
        }}
      >
        <label htmlFor={inputId}>Quantity of {line.name}</label>
        <input
          id={inputId}
          inputMode="numeric"
          value={quantity}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" disabled={busy}>
          Update
        </button>
        <button type="button" disabled={busy} onClick={() => void run(() => removeFromCart(line.productId))}>
          Remove {line.name}
        </button>
        {error && (
          <small id={`${inputId}-error`} className="field-error">
            {error}
          </small>
        )}
      </form>
      <strong>{formatMoney(line.lineTotal)}</strong>
    </li>
  );
}

export function CartPage() {
  const loaded = useResource(getCart, []);
  const [cart, setCart] = useState<Cart>();
  const current = cart ?? loaded.data;

  if (loaded.state === 'loading' && !current) return <Loading what="your cart" />;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} retry={loaded.reload} />;
  if (!current) return null;
  const blocker = checkoutBlocker(current.items);

  return (
    <section>
      <h1>Your cart</h1>
      {current.items.length === 0 ? (
        <Empty>
          Your cart is empty. <a href={hrefOf('/')}>Browse the catalogue</a>
        </Empty>
      ) : (
        <>
          <ul className="lines" aria-label="Cart items">
            {current.items.map((line) => (
              <CartLineRow key={line.productId} line={line} onChange={setCart} />
            ))}
          </ul>
          <p className="total">
            {unitCount(current.items)} items · Subtotal <strong>{formatMoney(current.subtotal)}</strong>
          </p>
          {blocker ? <p role="alert">{blocker}</p> : <a className="button" href={hrefOf('/checkout')}>Check out</a>}
        </>
      )}
    </section>
  );
}
