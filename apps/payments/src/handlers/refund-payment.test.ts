import { beforeAll, describe, expect, it } from 'vitest';
import { newPayment } from '../domain/payment.js';
import { chargeRequest, paymentsTestbed, resultOf, scriptedGateway, type PaymentsTestbed } from '../test-support.js';

let bed: PaymentsTestbed;

beforeAll(async () => {
  bed = await paymentsTestbed();
});

const refundsFor = (testbed: PaymentsTestbed, orderId: string) => testbed.gateway.refunds.filter((refund) => refund.orderId === orderId);
const eventTypes = async (testbed: PaymentsTestbed, orderId: string) => (await testbed.events(orderId)).map((event) => event.eventType);

describe('refundPayment', () => {
  it('refunds a captured payment at the provider under refund-<orderId> and records it REFUNDED with PaymentRefunded', async () => {
    const request = chargeRequest();
    const { paymentId } = resultOf(await bed.pay(request));

    const answer = resultOf(await bed.refund({ orderId: request.orderId }));

    expect(answer).toEqual({ orderId: request.orderId, status: 'REFUNDED' });
    expect(refundsFor(bed, request.orderId)).toEqual([expect.objectContaining({ provider: 'sandbox', idempotencyKey: `refund-${request.orderId}`, amount: request.amount })]);
    expect(await bed.payments.find(request.orderId)).toMatchObject({ paymentId, status: 'REFUNDED', refundReference: expect.stringMatching(/^sbx_re_/) });
    expect(await eventTypes(bed, request.orderId)).toEqual(['PaymentSucceeded', 'PaymentRefunded']);
  });

  it('is idempotent: asked again, it answers REFUNDED and refunds nothing more', async () => {
    const request = chargeRequest();
    await bed.pay(request);
    await bed.refund({ orderId: request.orderId });

    expect(resultOf(await bed.refund({ orderId: request.orderId }))).toEqual({ orderId: request.orderId, status: 'REFUNDED' });
    expect(refundsFor(bed, request.orderId)).toHaveLength(1);
    expect(await eventTypes(bed, request.orderId)).toEqual(['PaymentSucceeded', 'PaymentRefunded']);
  });

  it('refunds once when compensations race: one refund at the provider, one PaymentRefunded', async () => {
    const request = chargeRequest();
    await bed.pay(request);

    const answers = await Promise.all(Array.from({ length: 5 }, () => bed.refund({ orderId: request.orderId })));

    expect(answers.map((answer) => resultOf(answer).status)).toEqual(Array(5).fill('REFUNDED'));
    expect(new Set(refundsFor(bed, request.orderId).map((refund) => refund.idempotencyKey))).toEqual(new Set([`refund-${request.orderId}`]));
    expect(await eventTypes(bed, request.orderId)).toEqual(['PaymentSucceeded', 'PaymentRefunded']);
  });

  it('has nothing to refund for a declined payment', async () => {
    const request = chargeRequest({ token: 'tok_chargeDeclined' });
    await bed.pay(request);

    expect(resultOf(await bed.refund({ orderId: request.orderId }))).toEqual({ orderId: request.orderId, status: 'NOTHING_TO_REFUND' });
    expect(refundsFor(bed, request.orderId)).toEqual([]);
  });

  it('has nothing to refund for an order never charged, and a processPayment arriving after that charges nothing', async () => {
    const request = chargeRequest({ taskToken: 'task-too-late' });

    expect(resultOf(await bed.refund({ orderId: request.orderId }))).toEqual({ orderId: request.orderId, status: 'NOTHING_TO_REFUND' });
    expect(resultOf(await bed.refund({ orderId: request.orderId }))).toEqual({ orderId: request.orderId, status: 'NOTHING_TO_REFUND' });
    const late = resultOf(await bed.pay(request));

    expect(late).toEqual({ paymentId: expect.stringMatching(/^pay_/), orderId: request.orderId, status: 'DECLINED', reason: 'payment-timeout' });
    expect(bed.gateway.charges.filter((charge) => charge.orderId === request.orderId)).toEqual([]);
    expect(bed.callback.successes).toContainEqual({ taskToken: 'task-too-late', output: late });
    expect(await bed.payments.find(request.orderId)).toBeUndefined();
  });

  it('cancels a payment waiting for the customer (provider cancel), with PaymentFailed payment-cancelled, and forgets its Task', async () => {
    const waitingBed = await paymentsTestbed({ gateway: scriptedGateway((request) => ({ status: 'PENDING', provider: 'stripe', reference: `pi_${request.orderId}` })) });
    const request = chargeRequest({ taskToken: 'task-timed-out' });
    await waitingBed.pay(request);

    const answer = resultOf(await waitingBed.refund({ orderId: request.orderId }));
    const again = resultOf(await waitingBed.refund({ orderId: request.orderId }));

    expect(answer).toEqual({ orderId: request.orderId, status: 'CANCELLED' });
    expect(again).toEqual(answer);
    expect(waitingBed.gateway.cancels).toEqual([expect.objectContaining({ provider: 'stripe', reference: `pi_${request.orderId}`, idempotencyKey: `cancel-${request.orderId}` })]);
    expect(await waitingBed.stored(request.orderId)).toMatchObject({ status: 'CANCELLED' });
    expect(await waitingBed.stored(request.orderId)).not.toHaveProperty('taskToken');
    expect(await eventTypes(waitingBed, request.orderId)).toEqual(['PaymentFailed']);
    expect((await waitingBed.events(request.orderId))[0]?.data).toMatchObject({ reason: 'payment-cancelled' });
  });

  it('refunds a waiting payment the customer approved just before the cancel reached the provider', async () => {
    const racingBed = await paymentsTestbed({ gateway: scriptedGateway((request) => ({ status: 'PENDING', provider: 'stripe', reference: `pi_${request.orderId}` }), 'captured') });
    const request = chargeRequest();
    await racingBed.pay(request);

    expect(resultOf(await racingBed.refund({ orderId: request.orderId }))).toEqual({ orderId: request.orderId, status: 'REFUNDED' });
    expect(refundsFor(racingBed, request.orderId)).toEqual([expect.objectContaining({ reference: `pi_${request.orderId}` })]);
    expect(await racingBed.payments.find(request.orderId)).toMatchObject({ status: 'REFUNDED' });
  });

  it('answers "in progress" (503) while a call is charging the order, and cancels it once that call is gone', async () => {
    const request = chargeRequest();
    const now = new Date();
    const charging = newPayment(request, 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V', now, new Date(now.getTime() + 60_000));
    await bed.payments.claim(charging, undefined);

    await expect(bed.refund({ orderId: request.orderId })).rejects.toMatchObject({ status: 503, problemType: 'payment-in-progress' });

    await bed.payments.recordUnreachable(request.orderId, { at: new Date().toISOString(), action: 'charge', result: 'UNREACHABLE', provider: 'sandbox' });
    expect(resultOf(await bed.refund({ orderId: request.orderId }))).toEqual({ orderId: request.orderId, status: 'CANCELLED' });
    expect(resultOf(await bed.pay(request))).toMatchObject({ status: 'DECLINED', reason: 'payment-timeout' });
    expect(bed.gateway.charges.filter((charge) => charge.orderId === request.orderId)).toEqual([]);
  });

  it('refuses an order id outside the contract with 422', async () => {
    expect(await bed.refund({ orderId: 'order-1' })).toMatchObject({ ok: false, problem: { status: 422 } });
  });
});
