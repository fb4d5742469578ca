import type { EventData, NotificationChannel, NotificationTemplate, OrderFailureReason } from '@shoplane/contracts';
import { escapeHtml, formatMoney } from './format.js';
import type { Recipient, RenderedMessage } from './notification.js';

/**
 * The messages' words, as pure functions of their data: every e-mail has a plain
 * text and an HTML body saying the same thing. Everything that comes from a
 * customer or another service (names, product names, free text) is escaped
 * before it enters HTML.
 */
type Email = Extract<RenderedMessage, { channel: 'EMAIL' }>;

const signature = '— The Shoplane team';

function html(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: -apple-system, Segoe UI, Helvetica, Arial, sans-serif; color: #1f2933; line-height: 1.5">',
    body,
    `<p>${escapeHtml(signature)}</p>`,
    '</body></html>',
  ].join('\n');
}

const paragraph = (text: string) => `<p>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;
const text = (...paragraphs: string[]) => [...paragraphs, signature].join('\n\n');

export function welcomeEmail(recipient: Recipient): Email {
  const subject = `Welcome to Shoplane, ${recipient.name}`;
  const greeting = `Hi ${recipient.name},`;
  const body = `Welcome to Shoplane! Your account for ${recipient.email} is ready: log in any time to fill your cart and check out.`;
  return { channel: 'EMAIL', subject, text: text(greeting, body), html: html(subject, [paragraph(greeting), paragraph(body)].join('\n')) };
}

type ConfirmedOrder = Pick<EventData<'OrderConfirmed'>, 'orderId' | 'userId' | 'lines' | 'total'>;

export function orderConfirmationEmail(recipient: Recipient, order: ConfirmedOrder): Email {
  const subject = `Your Shoplane order ${order.orderId} is confirmed`;
  const greeting = `Hi ${recipient.name},`;
  const thanks = `Thank you for your order ${order.orderId}. Your payment is received and we are getting everything ready.`;
  const lines = order.lines.map(
    (line) => `${line.quantity} × ${line.name} at ${formatMoney(line.unitPrice)} = ${formatMoney(line.lineTotal)}`,
  );
  const total = `Total: ${formatMoney(order.total)}`;
  const cell = (content: string, align: 'left' | 'right' = 'left') =>
    `<td style="padding: 4px 8px; text-align: ${align}; border-bottom: 1px solid #e4e7eb">${content}</td>`;
  const rows = order.lines.map(
    (line) =>
      `<tr>${cell(escapeHtml(line.name))}${cell(String(line.quantity), 'right')}${cell(escapeHtml(formatMoney(line.unitPrice)), 'right')}${cell(escapeHtml(formatMoney(line.lineTotal)), 'right')}</tr>`,
  );
  const table = [
    '<table style="border-collapse: collapse">',
    '<thead><tr><th align="left">Item</th><th align="right">Qty</th><th align="right">Price</th><th align="right">Line total</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    `<tfoot><tr><th align="left" colspan="3">Total</th><th align="right">${escapeHtml(formatMoney(order.total))}</th></tr></tfoot>`,
    '</table>',
  ].join('\n');
  return {
    channel: 'EMAIL',
    subject,
    text: text(greeting, thanks, lines.join('\n'), total),
    html: html(subject, [paragraph(greeting), paragraph(thanks), table].join('\n')),
  };
}

const failureExplanations: Record<OrderFailureReason, string> = {
  'invalid-order': 'the order could no longer be placed as it was (a product changed or is no longer sold).',
  'out-of-stock': 'one or more of its products ran out of stock.',
  'payment-declined': 'your payment was declined.',
  'insufficient-funds': 'the payment method did not have sufficient funds.',
  'payment-timeout': 'the payment was not approved in time.',
  'payment-unavailable': 'the payment provider could not be reached.',
  'internal-error': 'something went wrong on our side.',
};

type FailedOrder = EventData<'OrderFailed'>;

/** Only the reason's own sentence: the event's free-text `detail` is for operators, not for customers. */
export function orderFailureEmail(recipient: Recipient, failure: FailedOrder): Email {
  const subject = `Your Shoplane order ${failure.orderId} could not be completed`;
  const greeting = `Hi ${recipient.name},`;
  const why = `We could not complete your order ${failure.orderId}: ${failureExplanations[failure.reason]}`;
  const charge = 'You are not charged for it; any payment already taken is refunded. Your cart is as you left it, so you can try again.';
  return { channel: 'EMAIL', subject, text: text(greeting, why, charge), html: html(subject, [paragraph(greeting), paragraph(why), paragraph(charge)].join('\n')) };
}

export interface RequestedMessage {
  channel: NotificationChannel;
  template: NotificationTemplate;
  message: string;
  orderId?: string;
}

function subjectFor(template: NotificationTemplate, orderId: string | undefined): string {
  const order = orderId ? ` ${orderId}` : '';
  switch (template) {
    case 'welcome':
      return 'Welcome to Shoplane';
    case 'order-confirmation':
      return `Your Shoplane order${order} is confirmed`;
    case 'order-failure':
      return `Your Shoplane order${order} could not be completed`;
    case 'message':
      return orderId ? `About your Shoplane order ${orderId}` : 'A message from Shoplane';
  }
}

/** A message whose words the caller (the checkout saga) chose, framed as every Shoplane message is. */
export function requestedMessage(recipient: Recipient, request: RequestedMessage): RenderedMessage {
  if (request.channel === 'SMS') return { channel: 'SMS', text: `Shoplane: ${request.message}` };
  const subject = subjectFor(request.template, request.orderId);
  const greeting = `Hi ${recipient.name},`;
  return { channel: 'EMAIL', subject, text: text(greeting, request.message), html: html(subject, [paragraph(greeting), paragraph(request.message)].join('\n')) };
}
