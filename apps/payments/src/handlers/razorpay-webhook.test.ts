import { receiveRazorpayWebhook } from '@shoplane/contracts';
import { apiEvent, invoke } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { razorpayPaymentEvent, razorpaySignature } from '../adapters/razorpay-webhooks.js';
import { chargeRequest, paymentsTestbed, resultOf, sandboxWebhookSecret, scriptedGateway, type PaymentsTestbed } from '../test-support.js';

const upi = (overrides: Parameters<typeof chargeRequest>[0] = {}) =>
  chargeRequest({ method: 'UPI', token: 'success@razorpay', amount: { amount: 49900, currency: 'INR' }, ...overrides });

describe('a UPI payment the customer approves later (sandbox, success@razorpay)', () => {
  let bed: PaymentsTestbed;

  beforeAll(async () => {
    bed = await paymentsTestbed();
  });

  it('is captured by the sandbox\'s signed webhook, and the waiting Task hears CAPTURED once', async () => {
    const request = upi({ taskToken: 'task-upi' });

    const answer = resultOf(await bed.pay(request));

    expect(bed.webhookAnswers.at(-1)).toMatchObject({ status: 200, body: { received: true } });
    expect(await bed.payments.find(request.orderId)).toMatchObject({ status: 'CAPTURED', provider: 'sandbox' });
    expect(bed.callback.successes.filter((success) => success.taskToken === 'task-upi')).toEqual([
      { taskToken: 'task-upi', output: { paymentId: answer.paymentId, orderId: request.orderId, status: 'CAPTURED' } },
    ]);
    expect((await bed.events(request.orderId)).map((event) => event.eventType)).toEqual(['PaymentSucceeded']);
  });

  it('is rejected at once for failure@razorpay', async () => {
    expect(resultOf(await bed.pay(upi({ token: 'failure@razorpay' })))).toMatchObject({ status: 'DECLINED', reason: 'payment-declined' });
  });
});

describe('the Razorpay webhook', () => {
  let bed: PaymentsTestbed;
  let counter = 0;

  beforeAll(async () => {
    bed = await paymentsTestbed({ gateway: scriptedGateway(() => ({ status: 'PENDING', provider: 'sandbox', reference: `sbx_pay_${++counter}` }), 'not-cancellable') });
  });

  async function waitingPayment(taskToken = 'task-webhook') {
    const request = upi({ taskToken });
    resultOf(await bed.pay(request));
    const payment = await bed.payments.find(request.orderId);
    return { request, reference: payment?.providerReference ?? '' };
  }

  function webhookBody(event: 'payment.captured' | 'payment.failed', orderId: string, reference: string): string {
    return JSON.stringify(razorpayPaymentEvent({ event, paymentReference: reference, orderId, amount: { amount: 49900, currency: 'INR' }, at: new Date() }));
  }

  const send = (body: string, signature?: string) =>
    invoke(bed.razorpayWebhook, apiEvent(receiveRazorpayWebhook, { rawBody: body, headers: signature === undefined ? {} : { 'x-razorpay-signature': signature } }));
  const signed = (body: string) => send(body, razorpaySignature(body, sandboxWebhookSecret));
  const told = (taskToken: string) => bed.callback.successes.filter((success) => success.taskToken === taskToken);

  it('captures a waiting payment on a validly signed payment.captured and completes its Task once', async () => {
    const { request, reference } = await waitingPayment('task-captured');

    const answer = await signed(webhookBody('payment.captured', request.orderId, reference));

    expect(answer).toMatchObject({ status: 200, body: { received: true } });
    expect(await bed.payments.find(request.orderId)).toMatchObject({ status: 'CAPTURED', attempts: [{ action: 'charge', result: 'PENDING' }, { action: 'notice', result: 'CAPTURED' }] });
    expect(told('task-captured')).toEqual([{ taskToken: 'task-captured', output: expect.objectContaining({ status: 'CAPTURED' }) }]);
  });

  it('declines a waiting payment on payment.failed and tells its Task DECLINED', async () => {
    const { request, reference } = await waitingPayment('task-failed');

    await signed(webhookBody('payment.failed', request.orderId, reference));

    expect(await bed.payments.find(request.orderId)).toMatchObject({ status: 'DECLINED', declineReason: 'payment-declined' });
    expect(told('task-failed')).toEqual([{ taskToken: 'task-failed', output: expect.objectContaining({ status: 'DECLINED', reason: 'payment-declined' }) }]);
  });

  it.each([
    ['a forged signature', (body: string) => send(body, razorpaySignature(body, 'not-the-secret'))],
    ['no signature', (body: string) => send(body)],
    ['a signature of other bytes (the same JSON re-serialised)', (body: string) => send(JSON.stringify(JSON.parse(body), null, 2), razorpaySignature(body, sandboxWebhookSecret))],
  ])('refuses %s with 400 problem+json and changes nothing', async (_case, deliver) => {
    const { request, reference } = await waitingPayment('task-forged');
    const before = await bed.stored(request.orderId);

    const answer = await deliver(webhookBody('payment.captured', request.orderId, reference));

    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ type: expect.stringContaining('invalid-webhook-signature') });
    expect(await bed.stored(request.orderId)).toEqual(before);
    expect(told('task-forged')).toEqual([]);
  });

  it('changes nothing on a replay: answered 200 again, one move, one event, one Task completion', async () => {
    const { request, reference } = await waitingPayment('task-replayed');
    const body = webhookBody('payment.captured', request.orderId, reference);
    await signed(body);
    const after = await bed.stored(request.orderId);

    const replay = await signed(body);

    expect(replay).toMatchObject({ status: 200, body: { received: true } });
    expect(await bed.stored(request.orderId)).toEqual(after);
    expect((await bed.events(request.orderId)).map((event) => event.eventType)).toEqual(['PaymentSucceeded']);
    expect(told('task-replayed')).toHaveLength(1);
  });

  it('refunds at once a capture that arrives after the payment was cancelled (approval after the saga\'s timeout)', async () => {
    const { request, reference } = await waitingPayment('task-gave-up');
    resultOf(await bed.refund({ orderId: request.orderId }));

    const answer = await signed(webhookBody('payment.captured', request.orderId, reference));

    expect(answer.status).toBe(200);
    expect(await bed.payments.find(request.orderId)).toMatchObject({ status: 'REFUNDED', refundReference: `re_${request.orderId}` });
    expect(bed.gateway.refunds.filter((refund) => refund.orderId === request.orderId)).toEqual([
      expect.objectContaining({ provider: 'sandbox', reference, idempotencyKey: `refund-${request.orderId}` }),
    ]);
    expect((await bed.events(request.orderId)).map((event) => event.eventType)).toEqual(['PaymentFailed', 'PaymentRefunded']);
    expect(told('task-gave-up')).toEqual([]);
    expect(resultOf(await bed.refund({ orderId: request.orderId })).status).toBe('REFUNDED');
  });

  it('verifies the raw bytes of a base64-encoded body', async () => {
    const { request, reference } = await waitingPayment('task-base64');
    const body = webhookBody('payment.captured', request.orderId, reference);
    const event = apiEvent(receiveRazorpayWebhook, { rawBody: body, headers: { 'x-razorpay-signature': razorpaySignature(body, sandboxWebhookSecret) } });

    const answer = await invoke(bed.razorpayWebhook, { ...event, body: Buffer.from(body).toString('base64'), isBase64Encoded: true });

    expect(answer.status).toBe(200);
    expect((await bed.payments.find(request.orderId))?.status).toBe('CAPTURED');
  });

  it.each([
    ['an event about a payment of another order', (orderId: string, reference: string) => webhookBody('payment.captured', 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7X', reference)],
    ['an event this service does not act on', (orderId: string, reference: string) => webhookBody('payment.captured', orderId, reference).replace('payment.captured', 'payment.authorized')],
    ['a capture naming another provider payment for the order', (orderId: string) => webhookBody('payment.captured', orderId, 'sbx_pay_someone_else')],
  ])('acknowledges %s with 200 and changes nothing', async (_case, body) => {
    const { request, reference } = await waitingPayment('task-ignored');
    const before = await bed.stored(request.orderId);

    expect((await signed(body(request.orderId, reference))).status).toBe(200);
    expect(await bed.stored(request.orderId)).toEqual(before);
  });
});
