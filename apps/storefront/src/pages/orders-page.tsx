import { useState } from 'react';
import { listOrders } from '../api/shop.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { formatMoney } from '../domain/money.js';
import { statusLabel } from '../domain/order-status.js';
import { hrefOf } from '../domain/routes.js';
import { useResource } from '../hooks/use-resource.js';

export function OrdersPage() {
  const [cursor, setCursor] = useState<string>();
  const page = useResource(() => listOrders(cursor), [cursor]);

  return (
    <section>
      <h1>Your orders</h1>
      {page.state === 'loading' && <Loading what="your orders" />}
      {page.state === 'error' && <ErrorMessage error={page.error} retry={page.reload} />}
      {page.state === 'ready' &&
        (page.data.items.length === 0 ? (
          <Empty>
            No orders yet. <a href={hrefOf('/')}>Browse the catalogue</a>
          </Empty>
        ) : (
          <table>
            <caption>Newest first</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Placed</th>
                <th scope="col">Items</th>
                <th scope="col">Total</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((order) => (
                <tr key={order.orderId}>
                  <td>
                    <a href={hrefOf(`/orders/${order.orderId}`)}>{order.orderId}</a>
                  </td>
                  <td>
                    <time dateTime={order.createdAt}>{new Date(order.createdAt).toLocaleString()}</time>
                  </td>
                  <td>{order.itemCount}</td>
                  <td>{formatMoney(order.total)}</td>
                  <td>{statusLabel(order.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {page.state === 'ready' && page.data.nextCursor && (
        <button type="button" onClick={() => setCursor(page.data.nextCursor ?? undefined)}>
          Older orders
        </button>
      )}
      {cursor && (
        <button type="button" onClick={() => setCursor(undefined)}>
          Newest orders
        </button>
      )}
    </section>
  );
}
