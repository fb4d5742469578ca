import { beforeAll, describe, expect, it } from 'vitest';
import { chargeRequest, paymentsTestbed, resultOf, scriptedGateway, type PaymentsTestbed } from '../test-support.js';

let bed: PaymentsTestbed;

beforeAll(async () => {
  bed = await paymentsTestbed();
});

const chargesFor = (orderId: string) => bed.gateway.charges.filter((charge) => charge.orderId === orderId);

describe('processPayment with the sandbox', () => {
  it.each([
    ['tok_visa', { status: 'CAPTURED' }],
    ['pm_card_visa', { status: 'CAPTURED' }],
    ['tok_chargeDeclined', { status: 'DECLINED', reason: 'payment-declined' }],
    ['pm_card_chargeDeclined', { status: 'DECLINED', reason: 'payment-declined' }],
    ['tok_chargeDeclinedInsufficientFunds', { status: 'DECLINED', reason: 'insufficient-funds' }],
    ['pm_card_chargeDeclinedInsufficientFunds', { status: 'DECLINED', reason: 'insufficient-funds' }],
    ['tok_unknown_to_the_sandbox', { status: 'DECLINED', reason: 'payment-declined' }],
  ])('answers a card paid with %s as %j', async (token, expected) => {
    const request = chargeRequest({ token });

    const answer = resultOf(await bed.pay(request));

    expect(answer).toEqual({ paymentId: expect.stringMatching(/^pay_/), orderId: request.orderId, ...expected });
    expect((await bed.payments.find(request.orderId))?.status).toBe(expected.status);
  });

  it.each([
    ['failure@razorpay', { status: 'DECLINED', reason: 'payment-declined' }],
    ['unknown@upi', { status: 'DECLINED', reason: 'payment-declined' }],
  ])('answers UPI from %s as %j', async (token, expected) => {
    expect(resultOf(await bed.pay(chargeRequest({ method: 'UPI', token, amount: { amount: 49900, currency: 'INR' } })))).toMatchObject(expected);
  });

  it('charges an order once: a second call answers the first result and never reaches the provider again', async () => {
    const request = chargeRequest();

    const first = resultOf(await bed.pay(request));
    const again = resultOf(await bed.pay(request));

    expect(again).toEqual(first);
    expect(chargesFor(request.orderId)).toEqual([expect.objectContaining({ idempotencyKey: request.orderId })]);
    expect((await bed.events(request.orderId)).map((event) => event.eventType)).toEqual(['PaymentSucceeded']);
  });

  it('lets one of ten concurrent calls for an order charge; the others answer its result or that it is in progress', async () => {
    const request = chargeRequest();

    const answers = await Promise.allSettled(Array.from({ length: 10 }, () => bed.pay(request)));

    expect(chargesFor(request.orderId)).toHaveLength(1);
    const results = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [resultOf(answer.value)] : []));
    const refusals = answers.flatMap((answer) => (answer.status === 'rejected' ? [answer.reason as unknown] : []));
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result).toEqual(results[0]);
    for (const refusal of refusals) expect(refusal).toMatchObject({ status: 503, problemType: 'payment-in-progress' });
    expect(resultOf(await bed.pay(request))).toEqual({ paymentId: results[0]?.paymentId, orderId: request.orderId, status: 'CAPTURED' });
    expect(await bed.events(request.orderId)).toHaveLength(1);
  });

  it('throws a transient error for tok_sandbox_flaky once, records the attempt, and captures on the retry', async () => {
    const request = chargeRequest({ token: 'tok_sandbox_flaky' });

    await expect(bed.pay(request)).rejects.toMatchObject({ status: 503, problemType: 'payment-provider-unavailable' });
    expect(await bed.payments.find(request.orderId)).toMatchObject({ status: 'PROCESSING', attempts: [expect.objectContaining({ action: 'charge', result: 'UNREACHABLE' })] });

    const retried = resultOf(await bed.pay(request));

    expect(retried.status).toBe('CAPTURED');
    expect(chargesFor(request.orderId).map((charge) => charge.idempotencyKey)).toEqual([request.orderId, request.orderId]);
    expect((await bed.payments.find(request.orderId))?.attempts.map((attempt) => attempt.result)).toEqual(['UNREACHABLE', 'CAPTURED']);
  });

  it('keeps answering tok_sandbox_unavailable with a transient error, one attempt recorded per try', async () => {
    const request = chargeRequest({ token: 'tok_sandbox_unavailable' });

    await expect(bed.pay(request)).rejects.toMatchObject({ status: 503 });
    await expect(bed.pay(request)).rejects.toMatchObject({ status: 503 });

    expect(await bed.payments.find(request.orderId)).toMatchObject({ status: 'PROCESSING', attempts: [{ result: 'UNREACHABLE' }, { result: 'UNREACHABLE' }] });
    expect(await bed.events(request.orderId)).toEqual([]);
  });

  it('announces PaymentSucceeded and PaymentFailed with the payment\'s facts, in the outbox', async () => {
    const paid = chargeRequest();
    const declined = chargeRequest({ token: 'tok_chargeDeclinedInsufficientFunds' });
    const paidId = resultOf(await bed.pay(paid)).paymentId;
    resultOf(await bed.pay(declined));

    expect(await bed.events(paid.orderId)).toEqual([
      expect.objectContaining({
        eventType: 'PaymentSucceeded',
        source: 'shoplane.payments',
        correlationId: paid.orderId,
        data: { paymentId: paidId, orderId: paid.orderId, userId: paid.userId, amount: paid.amount, method: 'CARD', provider: 'sandbox' },
      }),
    ]);
    expect(await bed.events(declined.orderId)).toEqual([expect.objectContaining({ eventType: 'PaymentFailed', data: expect.objectContaining({ reason: 'insufficient-funds' }) })]);
  });

  it('carries the correlation id the saga passes along on its events, and the order id without one', async () => {
    const request = chargeRequest();

    resultOf(await bed.pay({ ...request, correlationId: 'corr-from-checkout' }));

    expect((await bed.events(request.orderId)).map((event) => event.correlationId)).toEqual(['corr-from-checkout']);
  });

  it('refuses the same order with another amount (409 payment-mismatch), charging nothing more and failing the waiting Task', async () => {
    const request = chargeRequest();
    await bed.pay(request);

    const answer = await bed.pay({ ...request, amount: { amount: 1, currency: 'USD' }, taskToken: 'task-of-the-mismatch' });

    expect(answer).toMatchObject({ ok: false, problem: { status: 409, type: expect.stringContaining('payment-mismatch') } });
    expect(chargesFor(request.orderId)).toHaveLength(1);
    expect(bed.callback.failures).toContainEqual({ taskToken: 'task-of-the-mismatch', error: 'payment-mismatch' });
  });

  it('refuses input outside the contract with 422 and charges nothing', async () => {
    const answer = await bed.pay({ ...chargeRequest(), amount: { amount: 12.5, currency: 'USD' }, token: '4242 4242 4242 4242' });

    expect(answer).toMatchObject({ ok: false, problem: { status: 422, errors: expect.arrayContaining([expect.objectContaining({ path: 'amount.amount' }), expect.objectContaining({ path: 'token' })]) } });
  });
});

describe('processPayment for a waiting Task (task token)', () => {
  it('completes the Task at once with the synchronous outcome, once', async () => {
    const request = chargeRequest({ taskToken: 'task-1' });

    const answer = resultOf(await bed.pay(request));

    expect(bed.callback.successes.filter((success) => success.taskToken === 'task-1')).toEqual([{ taskToken: 'task-1', output: answer }]);
    expect(await bed.stored(request.orderId)).not.toHaveProperty('taskToken');
  });

  it('answers a retried Task (new token) with the stored outcome, without charging again', async () => {
    const request = chargeRequest({ token: 'tok_chargeDeclined', taskToken: 'task-first-try' });
    const first = resultOf(await bed.pay(request));

    resultOf(await bed.pay({ ...request, taskToken: 'task-second-try' }));

    expect(bed.callback.successes.filter((success) => success.output.orderId === request.orderId)).toEqual([
      { taskToken: 'task-first-try', output: first },
      { taskToken: 'task-second-try', output: first },
    ]);
    expect(chargesFor(request.orderId)).toHaveLength(1);
  });

  it('keeps the token of a payment that waits for the customer, and tells the Task nothing yet', async () => {
    const waitingBed = await paymentsTestbed({ gateway: scriptedGateway((request) => ({ status: 'PENDING', provider: 'stripe', reference: `pi_${request.orderId}` })) });
    const request = chargeRequest({ taskToken: 'task-waiting' });

    const answer = resultOf(await waitingBed.pay(request));

    expect(answer.status).toBe('PENDING');
    expect(await waitingBed.stored(request.orderId)).toMatchObject({ status: 'PENDING', taskToken: 'task-waiting', providerReference: `pi_${request.orderId}` });
    expect(waitingBed.callback.successes).toEqual([]);
  });

  it('lets a retried Task wait under its new token for a payment still pending', async () => {
    const waitingBed = await paymentsTestbed({ gateway: scriptedGateway((request) => ({ status: 'PENDING', provider: 'stripe', reference: `pi_${request.orderId}` })) });
    const request = chargeRequest({ taskToken: 'task-first-wait' });
    await waitingBed.pay(request);

    resultOf(await waitingBed.pay({ ...request, taskToken: 'task-second-wait' }));

    expect(await waitingBed.stored(request.orderId)).toMatchObject({ status: 'PENDING', taskToken: 'task-second-wait' });
    expect(waitingBed.gateway.charges).toHaveLength(1);
  });
});
