import { newId } from '@shoplane/lambda-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '../domain/errors.js';
import type { ChargeRequest, PaymentGateway } from '../domain/ports.js';
import { fakeRazorpayKey, settleCollectRequest, startFakeRazorpay, type FakeRazorpay } from '../testing/fake-razorpay.js';
import { razorpayGateway } from './razorpay-gateway.js';

let razorpay: FakeRazorpay;
let gateway: PaymentGateway;
const payer = { email: 'payments@shoplane.example', contact: '+910000000000', ip: '127.0.0.1', referer: 'https://shoplane.example/', userAgent: 'test' };

beforeAll(async () => {
  razorpay = await startFakeRazorpay();
  gateway = razorpayGateway({ credentials: async () => JSON.stringify(fakeRazorpayKey), baseUrl: razorpay.url, payer });
});

afterAll(async () => {
  await razorpay.close();
});

beforeEach(() => {
  razorpay.outage = false;
});

function charge(token: string): ChargeRequest {
  const orderId = newId('ord');
  return { paymentId: newId('pay'), orderId, userId: newId('usr'), amount: { amount: 49900, currency: 'INR' }, method: 'UPI', token, idempotencyKey: orderId };
}

const ordersFor = (orderId: string) => [...razorpay.orders.values()].filter((order) => order.receipt === orderId);
const collectRequests = () => razorpay.requests.filter((request) => request.path === '/v1/payments/create/upi');

describe('the Razorpay gateway', () => {
  it('creates one Razorpay order (receipt = orderId) and a UPI collect request, answering PENDING', async () => {
    const request = charge('success@razorpay');

    const verdict = await gateway.charge(request);

    expect(verdict).toEqual({ status: 'PENDING', provider: 'razorpay', reference: expect.stringMatching(/^pay_/) });
    expect(ordersFor(request.orderId)).toEqual([expect.objectContaining({ amount: 49900, currency: 'INR', notes: { orderId: request.orderId, paymentId: request.paymentId } })]);
    const sent = JSON.parse(collectRequests().at(-1)?.body ?? '{}') as Record<string, unknown>;
    expect(sent).toMatchObject({ method: 'upi', upi: { flow: 'collect', vpa: 'success@razorpay' }, notes: { orderId: request.orderId } });
  });

  it('charges an order once however often it is asked: the order is found by its receipt and its payment reused', async () => {
    const request = charge('success@razorpay');
    const collectsBefore = collectRequests().length;

    const first = await gateway.charge(request);
    const again = await gateway.charge(request);

    expect(again).toEqual(first);
    expect(ordersFor(request.orderId)).toHaveLength(1);
    expect(collectRequests()).toHaveLength(collectsBefore + 1);
  });

  it('answers a payment the customer approved as CAPTURED, and one that failed as DECLINED', async () => {
    const approved = charge('success@razorpay');
    const rejected = charge('failure@razorpay');
    const approvedAt = await gateway.charge(approved);
    await gateway.charge(rejected);
    settleCollectRequest(razorpay, approvedAt.reference ?? '', true);

    expect(await gateway.charge(approved)).toEqual({ status: 'CAPTURED', provider: 'razorpay', reference: approvedAt.reference });
    expect(await gateway.charge(rejected)).toMatchObject({ status: 'DECLINED', reason: 'payment-declined' });
  });

  it('answers a UPI address Razorpay refuses (400) as declined', async () => {
    expect(await gateway.charge(charge('no-such-address'))).toEqual({ status: 'DECLINED', provider: 'razorpay', reason: 'payment-declined' });
  });

  it('throws ProviderUnavailableError when Razorpay answers 500', async () => {
    razorpay.outage = true;

    await expect(gateway.charge(charge('success@razorpay'))).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('throws ProviderUnavailableError when nothing listens where Razorpay should be', async () => {
    const gone = razorpayGateway({ credentials: async () => JSON.stringify(fakeRazorpayKey), baseUrl: 'http://127.0.0.1:9', payer, timeoutMs: 2000 });

    await expect(gone.charge(charge('success@razorpay'))).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('refunds a captured payment once, with the refund key as receipt, however often it is asked', async () => {
    const request = charge('success@razorpay');
    const pending = await gateway.charge(request);
    settleCollectRequest(razorpay, pending.reference ?? '', true);
    const refund = { provider: 'razorpay' as const, reference: pending.reference ?? '', orderId: request.orderId, amount: request.amount, idempotencyKey: `refund-${request.orderId}` };

    const first = await gateway.refund(refund);
    const again = await gateway.refund(refund);

    expect(first.reference).toMatch(/^rfnd_/);
    expect(again).toEqual(first);
    expect(razorpay.refunds.filter((created) => created.payment_id === pending.reference)).toEqual([expect.objectContaining({ receipt: `refund-${request.orderId}`, amount: 49900 })]);
  });

  it('cannot withdraw a UPI collect request', async () => {
    expect(await gateway.cancel({ provider: 'razorpay', reference: 'pay_x', orderId: newId('ord'), idempotencyKey: 'cancel-x' })).toBe('not-cancellable');
  });
});
