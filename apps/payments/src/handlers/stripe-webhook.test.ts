import { receiveStripeWebhook } from '@shoplane/contracts';
import { apiEvent, invoke } from '@shoplane/testing';
import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDependencies } from '../adapters/dependencies.js';
import { chargeRequest, paymentsTestbed, resultOf, scriptedGateway, type PaymentsTestbed } from '../test-support.js';
import { stripeWebhookHandler } from './stripe-webhook.js';

const signingSecret = 'whsec_test_secret_for_payments';

let bed: PaymentsTestbed;
let webhook: ReturnType<typeof stripeWebhookHandler>;
let counter = 0;

beforeAll(async () => {
  bed = await paymentsTestbed({ gateway: scriptedGateway(() => ({ status: 'PENDING', provider: 'stripe', reference: `pi_waiting_${++counter}` }), 'not-cancellable') });
  const deps: WebhookDependencies = { ...bed.deps, signingSecret: async () => signingSecret, provider: 'stripe' };
  webhook = stripeWebhookHandler(() => deps);
});

/** A payment waiting for the customer to finish 3-D Secure. */
async function waitingPayment(taskToken: string) {
  const request = chargeRequest({ taskToken });
  resultOf(await bed.pay(request));
  return { request, intentId: (await bed.payments.find(request.orderId))?.providerReference ?? '' };
}

function stripeEvent(type: string, orderId: string, intentId: string, intent: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `evt_${intentId}_${type}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: orderId },
    data: {
      object: {
        id: intentId,
        object: 'payment_intent',
        amount: 2599,
        currency: 'usd',
        status: type === 'payment_intent.succeeded' ? 'succeeded' : 'requires_payment_method',
        metadata: { orderId },
        last_payment_error: type === 'payment_intent.payment_failed' ? { code: 'card_declined', decline_code: 'insufficient_funds' } : null,
        ...intent,
      },
    },
  });
}

const signatureOf = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? signingSecret, ...(options.timestamp ? { timestamp: options.timestamp } : {}) });

const send = (payload: string, signature?: string) =>
  invoke(webhook, apiEvent(receiveStripeWebhook, { rawBody: payload, headers: signature === undefined ? {} : { 'stripe-signature': signature } }));

const told = (taskToken: string) => bed.callback.successes.filter((success) => success.taskToken === taskToken);

describe('the Stripe webhook', () => {
  it('captures a waiting payment on a validly signed payment_intent.succeeded and completes its Task once', async () => {
    const { request, intentId } = await waitingPayment('task-3ds');
    const payload = stripeEvent('payment_intent.succeeded', request.orderId, intentId);

    const answer = await send(payload, signatureOf(payload));

    expect(answer).toMatchObject({ status: 200, body: { received: true } });
    expect(await bed.payments.find(request.orderId)).toMatchObject({ status: 'CAPTURED', provider: 'stripe', providerReference: intentId });
    expect(told('task-3ds')).toEqual([{ taskToken: 'task-3ds', output: expect.objectContaining({ orderId: request.orderId, status: 'CAPTURED' }) }]);
  });

  it('declines a waiting payment on payment_intent.payment_failed, with the decline reason', async () => {
    const { request, intentId } = await waitingPayment('task-3ds-failed');
    const payload = stripeEvent('payment_intent.payment_failed', request.orderId, intentId);

    await send(payload, signatureOf(payload));

    expect(await bed.payments.find(request.orderId)).toMatchObject({ status: 'DECLINED', declineReason: 'insufficient-funds' });
    expect(told('task-3ds-failed')).toEqual([{ taskToken: 'task-3ds-failed', output: expect.objectContaining({ status: 'DECLINED', reason: 'insufficient-funds' }) }]);
  });

  it.each([
    ['a forged signature (another secret)', (payload: string) => signatureOf(payload, { secret: 'whsec_someone_else' })],
    ['a stale signature (ten minutes old)', (payload: string) => signatureOf(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 })],
    ['a signature of another body', (payload: string) => signatureOf(payload.replace('"amount":2599', '"amount":1'))],
    ['no signature', () => undefined],
  ])('refuses %s with 400 problem+json and changes nothing', async (_case, signature) => {
    const { request, intentId } = await waitingPayment('task-forged');
    const payload = stripeEvent('payment_intent.succeeded', request.orderId, intentId);
    const before = await bed.stored(request.orderId);

    const answer = await send(payload, signature(payload));

    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ type: expect.stringContaining('invalid-webhook-signature') });
    expect(await bed.stored(request.orderId)).toEqual(before);
    expect(told('task-forged')).toEqual([]);
  });

  it('changes nothing on a replay: answered 200 again, one event, one Task completion', async () => {
    const { request, intentId } = await waitingPayment('task-replay');
    const payload = stripeEvent('payment_intent.succeeded', request.orderId, intentId);
    await send(payload, signatureOf(payload));
    const after = await bed.stored(request.orderId);

    const replay = await send(payload, signatureOf(payload));

    expect(replay).toMatchObject({ status: 200, body: { received: true } });
    expect(await bed.stored(request.orderId)).toEqual(after);
    expect((await bed.events(request.orderId)).map((event) => event.eventType)).toEqual(['PaymentSucceeded']);
    expect(told('task-replay')).toHaveLength(1);
  });

  it('refunds at once a success that arrives after the payment was cancelled', async () => {
    const { request, intentId } = await waitingPayment('task-late');
    resultOf(await bed.refund({ orderId: request.orderId }));
    const payload = stripeEvent('payment_intent.succeeded', request.orderId, intentId);

    expect((await send(payload, signatureOf(payload))).status).toBe(200);

    expect(await bed.payments.find(request.orderId)).toMatchObject({ status: 'REFUNDED' });
    expect(bed.gateway.refunds.filter((refund) => refund.orderId === request.orderId)).toEqual([
      expect.objectContaining({ provider: 'stripe', reference: intentId, idempotencyKey: `refund-${request.orderId}` }),
    ]);
    expect(told('task-late')).toEqual([]);
  });

  it('acknowledges events it does not act on with 200 and changes nothing', async () => {
    const { request, intentId } = await waitingPayment('task-other-event');
    const payload = stripeEvent('payment_intent.created', request.orderId, intentId, { status: 'requires_action' });
    const before = await bed.stored(request.orderId);

    expect((await send(payload, signatureOf(payload))).status).toBe(200);
    expect(await bed.stored(request.orderId)).toEqual(before);
  });

  it('refuses a body that is not a Stripe event with 422 before looking at it further', async () => {
    const payload = JSON.stringify({ hello: 'world' });

    expect((await send(payload, signatureOf(payload))).status).toBe(422);
  });
});
