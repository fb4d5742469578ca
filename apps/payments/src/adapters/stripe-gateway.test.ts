import { newId } from '@shoplane/lambda-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '../domain/errors.js';
import type { ChargeRequest, PaymentGateway } from '../domain/ports.js';
import { startFakeStripe, type FakeStripe } from '../testing/fake-stripe.js';
import { stripeGateway } from './stripe-gateway.js';

let stripe: FakeStripe;
let gateway: PaymentGateway;

beforeAll(async () => {
  stripe = await startFakeStripe();
  gateway = stripeGateway({ apiKey: async () => 'sk_test_fake', host: stripe.host, port: stripe.port, protocol: 'http', maxNetworkRetries: 0 });
});

afterAll(async () => {
  await stripe.close();
});

beforeEach(() => {
  stripe.outage = false;
});

function charge(token: string, overrides: Partial<ChargeRequest> = {}): ChargeRequest {
  const orderId = newId('ord');
  return { paymentId: newId('pay'), orderId, userId: newId('usr'), amount: { amount: 2599, currency: 'USD' }, method: 'CARD', token, idempotencyKey: orderId, ...overrides };
}

const lastRequest = () => stripe.requests.at(-1);

describe('the Stripe gateway', () => {
  it('captures a payment confirmed with tok_visa, sending the card token in payment_method_data', async () => {
    const request = charge('tok_visa');

    const verdict = await gateway.charge(request);

    expect(verdict).toEqual({ status: 'CAPTURED', provider: 'stripe', reference: expect.stringMatching(/^pi_/) });
    const sent = new URLSearchParams(lastRequest()?.body);
    expect(sent.get('payment_method_data[type]')).toBe('card');
    expect(sent.get('payment_method_data[card][token]')).toBe('tok_visa');
    expect(sent.get('confirm')).toBe('true');
    expect(sent.get('amount')).toBe('2599');
    expect(sent.get('currency')).toBe('usd');
    expect(sent.get('metadata[orderId]')).toBe(request.orderId);
  });

  it('passes a pm_ PaymentMethod id as payment_method', async () => {
    await gateway.charge(charge('pm_card_visa'));

    const sent = new URLSearchParams(lastRequest()?.body);
    expect(sent.get('payment_method')).toBe('pm_card_visa');
    expect(sent.get('payment_method_data[card][token]')).toBeNull();
  });

  it('sends the orderId as the idempotency key, so a repeated charge creates one PaymentIntent', async () => {
    const request = charge('tok_visa');
    const intentsBefore = stripe.intents.size;

    const first = await gateway.charge(request);
    const again = await gateway.charge(request);

    expect(again).toEqual(first);
    expect(stripe.requests.slice(-2).map((sent) => sent.headers['idempotency-key'])).toEqual([request.orderId, request.orderId]);
    expect(stripe.intents.size).toBe(intentsBefore + 1);
  });

  it('answers card_declined as payment-declined, naming the failed PaymentIntent', async () => {
    expect(await gateway.charge(charge('tok_chargeDeclined'))).toEqual({ status: 'DECLINED', provider: 'stripe', reason: 'payment-declined', reference: expect.stringMatching(/^pi_/) });
  });

  it('answers a decline for insufficient funds as insufficient-funds', async () => {
    expect(await gateway.charge(charge('pm_card_chargeDeclinedInsufficientFunds'))).toMatchObject({ status: 'DECLINED', reason: 'insufficient-funds' });
  });

  it('answers a token Stripe does not know as declined', async () => {
    expect(await gateway.charge(charge('tok_forgotten'))).toEqual({ status: 'DECLINED', provider: 'stripe', reason: 'payment-declined' });
  });

  it('answers requires_action (3-D Secure) as PENDING, for the webhook to settle', async () => {
    expect(await gateway.charge(charge('pm_card_threeDSecure2Required'))).toEqual({ status: 'PENDING', provider: 'stripe', reference: expect.stringMatching(/^pi_/) });
  });

  it('throws ProviderUnavailableError when Stripe answers 500', async () => {
    stripe.outage = true;

    await expect(gateway.charge(charge('tok_visa'))).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('throws ProviderUnavailableError when nothing listens where Stripe should be', async () => {
    const gone = stripeGateway({ apiKey: async () => 'sk_test_fake', host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0, timeoutMs: 2000 });

    await expect(gone.charge(charge('tok_visa'))).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('refunds a PaymentIntent with the refund idempotency key, once however often it is asked', async () => {
    const request = charge('tok_visa');
    const captured = await gateway.charge(request);
    if (captured.status !== 'CAPTURED') throw new Error('expected a capture');
    const refund = { provider: 'stripe' as const, reference: captured.reference, orderId: request.orderId, amount: request.amount, idempotencyKey: `refund-${request.orderId}` };

    const first = await gateway.refund(refund);
    const again = await gateway.refund(refund);

    expect(first.reference).toMatch(/^re_/);
    expect(again).toEqual(first);
    expect(lastRequest()?.headers['idempotency-key']).toBe(`refund-${request.orderId}`);
    expect(stripe.refunds.filter((created) => created.paymentIntent === captured.reference)).toHaveLength(1);
  });

  it('cancels a PaymentIntent waiting for the customer, and reports one that already succeeded as captured', async () => {
    const waiting = await gateway.charge(charge('pm_card_threeDSecure2Required'));
    const done = await gateway.charge(charge('tok_visa'));
    const cancel = (reference: string | undefined) => gateway.cancel({ provider: 'stripe', reference: reference ?? '', orderId: newId('ord'), idempotencyKey: newId('cancel') });

    expect(await cancel(waiting.reference)).toBe('cancelled');
    expect(await cancel(done.reference)).toBe('captured');
  });
});
