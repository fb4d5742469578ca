import { startFakeApi, type FakeAnswer, type FakeApi, type ReceivedRequest } from './fake-http.js';

/**
 * Razorpay's API as its test mode behaves, for what the Razorpay adapter uses: orders
 * (found by receipt), UPI collect payments on them (`success@razorpay` waits for the
 * customer, `failure@razorpay` fails), refunds with receipts, and HTTP Basic auth with
 * the key pair. `outage` makes it answer 500s.
 */
export interface FakeRazorpay extends FakeApi {
  orders: Map<string, { id: string; receipt: string; amount: number; currency: string; notes: Record<string, string> }>;
  payments: Map<string, { id: string; order_id: string; status: string; amount: number; error_reason: string | null; created_at: number; notes: Record<string, string> }>;
  refunds: { id: string; payment_id: string; receipt: string | null; amount: number }[];
  outage: boolean;
}

export const fakeRazorpayKey = { keyId: 'rzp_test_fake', keySecret: 'fake-secret' };
const expectedAuthorization = `Basic ${Buffer.from(`${fakeRazorpayKey.keyId}:${fakeRazorpayKey.keySecret}`).toString('base64')}`;

const badRequest = (description: string, reason: string | null = null): FakeAnswer => ({
  status: 400,
  body: { error: { code: 'BAD_REQUEST_ERROR', description, source: 'business', step: 'payment_initiation', reason, metadata: {} } },
});

export async function startFakeRazorpay(): Promise<FakeRazorpay> {
  const state: Pick<FakeRazorpay, 'orders' | 'payments' | 'refunds'> = { orders: new Map(), payments: new Map(), refunds: [] };
  let sequence = 0;
  const nextId = (prefix: string) => `${prefix}_fake${String(++sequence).padStart(8, '0')}`;
  const collection = (items: unknown[]) => ({ status: 200, body: { entity: 'collection', count: items.length, items } });

  function route(request: ReceivedRequest): FakeAnswer {
    const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
    const { method, path } = request;
    if (method === 'GET' && path === '/v1/orders') {
      return collection([...state.orders.values()].filter((order) => order.receipt === request.query.get('receipt')));
    }
    if (method === 'POST' && path === '/v1/orders') {
      const order = { id: nextId('order'), receipt: String(body['receipt']), amount: Number(body['amount']), currency: String(body['currency']), notes: body['notes'] as Record<string, string> };
      state.orders.set(order.id, order);
      return { status: 200, body: { ...order, entity: 'order', status: 'created' } };
    }
    const orderPayments = /^\/v1\/orders\/([^/]+)\/payments$/.exec(path);
    if (method === 'GET' && orderPayments) return collection([...state.payments.values()].filter((payment) => payment.order_id === orderPayments[1]));
    if (method === 'POST' && path === '/v1/payments/create/upi') {
      const vpa = (body['upi'] as { vpa?: string } | undefined)?.vpa;
      if (!vpa?.includes('@')) return badRequest('Invalid VPA. Please enter a valid Virtual Payment Address', 'invalid_vpa');
      const payment = {
        id: nextId('pay'),
        order_id: String(body['order_id']),
        status: vpa === 'failure@razorpay' ? 'failed' : 'created',
        amount: Number(body['amount']),
        error_reason: vpa === 'failure@razorpay' ? 'payment_failed' : null,
        created_at: Math.floor(Date.now() / 1000) + sequence,
        notes: body['notes'] as Record<string, string>,
      };
      state.payments.set(payment.id, payment);
      return { status: 200, body: { razorpay_payment_id: payment.id } };
    }
    const paymentRefunds = /^\/v1\/payments\/([^/]+)\/refunds$/.exec(path);
    if (method === 'GET' && paymentRefunds) return collection(state.refunds.filter((refund) => refund.payment_id === paymentRefunds[1]));
    const refund = /^\/v1\/payments\/([^/]+)\/refund$/.exec(path);
    if (method === 'POST' && refund?.[1]) {
      const payment = state.payments.get(refund[1]);
      if (!payment || payment.status !== 'captured') return badRequest('The payment is not captured yet.');
      if (state.refunds.some((existing) => existing.payment_id === payment.id)) return badRequest('The payment has been fully refunded already');
      const created = { id: nextId('rfnd'), payment_id: payment.id, receipt: typeof body['receipt'] === 'string' ? body['receipt'] : null, amount: Number(body['amount'] ?? payment.amount) };
      state.refunds.push(created);
      return { status: 200, body: { ...created, entity: 'refund', currency: 'INR', status: 'processed' } };
    }
    return { status: 404, body: { error: { code: 'BAD_REQUEST_ERROR', description: 'The requested URL was not found on the server.' } } };
  }

  const fake: FakeRazorpay = Object.assign(
    await startFakeApi((request) => {
      if (fake.outage) return { status: 500, body: { error: { code: 'SERVER_ERROR', description: 'The server encountered an error.' } } };
      if (request.headers.authorization !== expectedAuthorization) return { status: 401, body: { error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' } } };
      return route(request);
    }),
    { ...state, outage: false },
  );
  return fake;
}

/** The customer approving (or rejecting) the collect request in their UPI app. */
export function settleCollectRequest(fake: FakeRazorpay, paymentId: string, approved: boolean): void {
  const payment = fake.payments.get(paymentId);
  if (!payment) throw new Error(`no payment ${paymentId}`);
  payment.status = approved ? 'captured' : 'failed';
  payment.error_reason = approved ? null : 'payment_failed';
}
