import { useEffect, useState } from 'react';
import { getOrder, type Order } from '../api/shop.js';
import { ErrorMessage, Loading } from '../components/states.js';
import { formatMoney } from '../domain/money.js';
import { failureMessage, isSettled, statusLabel } from '../domain/order-status.js';
import { hrefOf } from '../domain/routes.js';

const pollMs = 1000;

/** The order, asked again each second until it is CONFIRMED, FAILED or CANCELLED. */
function useSettlingOrder(orderId: string): { order?: Order; error?: unknown; retry: () => void } {
  const [order, setOrder] = useState<Order>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const ask = async () => {
      try {
        const latest = await getOrder(orderId);
        if (!live) return;
        setOrder(latest);
        if (!isSettled(latest.status)) timer = window.setTimeout(() => void ask(), pollMs);
      } catch (failure) {
        if (live) setError(failure);
      }
    };
    setError(undefined);
    void ask();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [orderId, attempt]);

  return { order, error, retry: () => setAttempt((value) => value + 1) };
}

export function OrderPage({ orderId }: { orderId: string }) {
  const { order: data, error, retry } = useSettlingOrder(orderId);
  if (error) return <ErrorMessage error={error} retry={retry} />;
  if (!data) return <Loading what="the order" />;
  const settled = isSettled(data.status);

  return (
    <section>
      <h1>Order {data.orderId}</h1>
      <p className={`status status-${data.status.toLowerCase()}`} role="status" aria-live="polite">
        Status: <strong>{statusLabel(data.status)}</strong>
        {!settled && ' — updating…'}
      </p>
      {data.status === 'CONFIRMED' && <p>Thank you! Your order is confirmed and paid.</p>}
      {data.status === 'FAILED' && (
        <div className="alert" role="alert">
          <p>{failureMessage(data.failureReason)}</p>
          <a href={hrefOf('/cart')}>Back to your cart</a>
        </div>
      )}
      <table>
        <caption>Items</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Quantity</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((line) => (
            <tr key={line.productId}>
              <td>{line.name}</td>
              <td>{line.quantity}</td>
              <td>{formatMoney(line.lineTotal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="total">
        Total <strong>{formatMoney(data.total)}</strong> · payment by {data.payment.method === 'CARD' ? 'card' : 'UPI'}
      </p>
      <h2>History</h2>
      <ol className="timeline">
        {data.statusHistory.map((change) => (
          <li key={`${change.status}-${change.at}`}>
            {statusLabel(change.status)} <time dateTime={change.at}>{new Date(change.at).toLocaleString()}</time>
          </li>
        ))}
      </ol>
    </section>
  );
}
