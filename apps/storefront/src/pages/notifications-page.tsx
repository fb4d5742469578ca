import { useState } from 'react';
import { listNotifications } from '../api/shop.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { hrefOf } from '../domain/routes.js';
import { useResource } from '../hooks/use-resource.js';

const templateTitles: Record<string, string> = {
  welcome: 'Welcome to Shoplane',
  'order-confirmation': 'Order confirmed',
  'order-failure': 'Order failed',
  message: 'Message',
};

export function NotificationsPage() {
  const [cursor, setCursor] = useState<string>();
  const page = useResource(() => listNotifications(cursor), [cursor]);

  return (
    <section>
      <h1>Notifications</h1>
      {page.state === 'loading' && <Loading what="your notifications" />}
      {page.state === 'error' && <ErrorMessage error={page.error} retry={page.reload} />}
      {page.state === 'ready' &&
        (page.data.items.length === 0 ? (
          <Empty>No notifications yet.</Empty>
        ) : (
          <ul className="lines" aria-label="Notifications">
            {page.data.items.map((item) => (
              <li key={item.notificationId} className="line">
                <div>
                  <strong>{item.subject ?? templateTitles[item.template] ?? item.template}</strong>
                  <div className="muted">
                    {item.channel === 'EMAIL' ? 'E-mail' : 'SMS'} · {item.status === 'SENT' ? 'sent' : `not delivered (${item.failureReason ?? 'failed'})`} ·{' '}
                    <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleString()}</time>
                  </div>
                </div>
                {item.orderId && <a href={hrefOf(`/orders/${item.orderId}`)}>View order</a>}
              </li>
            ))}
          </ul>
        ))}
      {page.state === 'ready' && page.data.nextCursor && (
        <button type="button" onClick={() => setCursor(page.data.nextCursor ?? undefined)}>
          Older notifications
        </button>
      )}
    </section>
  );
}
