export type OrderStatus = 'CREATED' | 'PAYMENT_PENDING' | 'CONFIRMED' | 'FAILED' | 'CANCELLED';

const terminal: readonly OrderStatus[] = ['CONFIRMED', 'FAILED', 'CANCELLED'];

/** An order in one of these statuses never changes again, so the order page stops asking. */
export function isSettled(status: OrderStatus): boolean {
  return terminal.includes(status);
}

const statusLabels: Record<OrderStatus, string> = {
  CREATED: 'Received',
  PAYMENT_PENDING: 'Awaiting payment',
  CONFIRMED: 'Confirmed',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

export function statusLabel(status: OrderStatus): string {
  return statusLabels[status];
}

const failureMessages: Record<string, string> = {
  'payment-declined': 'Your payment was declined. Nothing was charged, and your cart still holds your items: try another card or UPI.',
  'insufficient-funds': 'Your card was declined for insufficient funds. Nothing was charged, and your cart still holds your items.',
  'payment-timeout': 'The payment was not approved in time. Nothing was charged, and your cart still holds your items.',
  'payment-unavailable': 'The payment provider could not be reached. Nothing was charged; please try again in a moment.',
  'out-of-stock': 'Some items sold out before your order went through. Nothing was charged; check your cart.',
  'invalid-order': 'Some items can no longer be ordered. Nothing was charged; check your cart.',
};

/** What a customer reads when an order failed, by the API's `failureReason`. */
export function failureMessage(reason: string | undefined): string {
  return (reason && failureMessages[reason]) || 'The order could not be completed. Nothing was charged.';
}
