import { useState, type FormEvent } from 'react';
import { getCart, placeOrder } from '../api/shop.js';
import { Field } from '../components/field.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { checkoutBlocker } from '../domain/cart.js';
import { formatMoney } from '../domain/money.js';
import { hrefOf } from '../domain/routes.js';
import { useFormErrors } from '../hooks/use-form-errors.js';
import { useResource } from '../hooks/use-resource.js';
import { navigate } from '../hooks/use-route.js';

/** The payment sandbox's test cards (README, Payments): what each one does. */
const sandboxCards = [
  { token: 'tok_visa', label: 'Visa test card (approved)' },
  { token: 'tok_chargeDeclined', label: 'Declined test card' },
  { token: 'tok_chargeDeclinedInsufficientFunds', label: 'Insufficient-funds test card' },
];

export function CheckoutPage() {
  const cart = useResource(getCart, []);
  const [method, setMethod] = useState<'CARD' | 'UPI'>('CARD');
  const [card, setCard] = useState('tok_visa');
  const [upiId, setUpiId] = useState('success@razorpay');
  const { errors, busy, submit } = useFormErrors(['payment.token', 'payment.method']);

  if (cart.state === 'loading') return <Loading what="your cart" />;
  if (cart.state === 'error') return <ErrorMessage error={cart.error} retry={cart.reload} />;
  if (cart.data.items.length === 0) {
    return (
      <Empty>
        Your cart is empty. <a href={hrefOf('/')}>Browse the catalogue</a>
      </Empty>
    );
  }
  const blocker = checkoutBlocker(cart.data.items);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const orderId = await placeOrder({ method, token: method === 'CARD' ? card : upiId.trim() });
      navigate(`/orders/${orderId}`);
    });
  };

  return (
    <section className="narrow">
      <h1>Checkout</h1>
      <p>
        {cart.data.items.length} lines · Total <strong>{formatMoney(cart.data.subtotal)}</strong>
      </p>
      <form onSubmit={onSubmit} noValidate>
        {errors.summary && <ErrorMessage error={errors.summary} />}
        <fieldset>
          <legend>Payment method</legend>
          <label className="choice">
            <input type="radio" name="method" value="CARD" checked={method === 'CARD'} onChange={() => setMethod('CARD')} /> Card
          </label>
          <label className="choice">
            <input type="radio" name="method" value="UPI" checked={method === 'UPI'} onChange={() => setMethod('UPI')} /> UPI
          </label>
        </fieldset>
        {method === 'CARD' ? (
          <div className="field">
            <label htmlFor="card">Test card</label>
            <select id="card" value={card} onChange={(event) => setCard(event.target.value)} aria-describedby="card-error">
              {sandboxCards.map((option) => (
                <option key={option.token} value={option.token}>
                  {option.label}
                </option>
              ))}
            </select>
            {errors.byField['payment.token'] && (
              <small id="card-error" className="field-error">
                {errors.byField['payment.token']}
              </small>
            )}
          </div>
        ) : (
          <Field label="UPI id" value={upiId} onChange={(event) => setUpiId(event.target.value)} hint="success@razorpay approves in the sandbox" error={errors.byField['payment.token']} />
        )}
        {blocker && <p role="alert">{blocker}</p>}
        <button type="submit" disabled={busy || Boolean(blocker)}>
          {busy ? 'Placing order…' : 'Place order'}
        </button>
      </form>
    </section>
  );
}
