import { newId } from '@shoplane/lambda-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '../domain/errors.js';
import type { ChargeRequest } from '../domain/ports.js';
import { startFakeApi, type FakeApi } from '../testing/fake-http.js';
import { razorpayNotice, razorpaySignature, verifyRazorpaySignature } from './razorpay-webhooks.js';
import { sandboxGateway, sandboxTokens } from './sandbox-gateway.js';

const secret = 'sandbox-secret';
let shop: FakeApi;

beforeAll(async () => {
  shop = await startFakeApi(() => ({ status: 200, body: { received: true } }));
});

afterAll(async () => {
  await shop.close();
});

function charge(method: 'CARD' | 'UPI', token: string): ChargeRequest {
  const orderId = newId('ord');
  return { paymentId: newId('pay'), orderId, userId: newId('usr'), amount: { amount: 49900, currency: 'INR' }, method, token, idempotencyKey: orderId };
}

describe('the payment sandbox', () => {
  it('knows Stripe\'s test tokens, Razorpay\'s test addresses and its own flaky and unavailable tokens', () => {
    expect(Object.keys(sandboxTokens.CARD).sort()).toEqual(
      ['pm_card_chargeDeclined', 'pm_card_chargeDeclinedInsufficientFunds', 'pm_card_visa', 'tok_chargeDeclined', 'tok_chargeDeclinedInsufficientFunds', 'tok_sandbox_flaky', 'tok_sandbox_unavailable', 'tok_visa'].sort(),
    );
    expect(Object.keys(sandboxTokens.UPI).sort()).toEqual(['failure@razorpay', 'success@razorpay']);
  });

  it('answers a repeated idempotency key with the first answer', async () => {
    const gateway = sandboxGateway();
    const request = charge('CARD', 'tok_visa');

    expect(await gateway.charge(request)).toEqual(await gateway.charge(request));
  });

  it('declines a UPI address used as a card token, and a card token used for UPI', async () => {
    const gateway = sandboxGateway();

    expect(await gateway.charge(charge('CARD', 'success@razorpay'))).toMatchObject({ status: 'DECLINED' });
    expect(await gateway.charge(charge('UPI', 'tok_visa'))).toMatchObject({ status: 'DECLINED' });
  });

  it('fails tok_sandbox_flaky transiently once per order, then captures it', async () => {
    const gateway = sandboxGateway();
    const request = charge('CARD', 'tok_sandbox_flaky');

    await expect(gateway.charge(request)).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(await gateway.charge(request)).toMatchObject({ status: 'CAPTURED' });
    await expect(gateway.charge(charge('CARD', 'tok_sandbox_flaky'))).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('approves success@razorpay later with a webhook POSTed to the shop, signed as Razorpay signs it', async () => {
    const gateway = sandboxGateway({ approvals: { webhookBaseUrl: shop.url, webhookSecret: async () => secret, delayMs: 0 } });
    const request = charge('UPI', 'success@razorpay');

    const verdict = await gateway.charge(request);
    await gateway.settled();

    expect(verdict).toMatchObject({ status: 'PENDING', provider: 'sandbox' });
    const webhook = shop.requests.at(-1);
    expect(webhook).toMatchObject({ method: 'POST', path: '/payments/webhooks/razorpay', headers: expect.objectContaining({ 'content-type': 'application/json' }) });
    expect(() => verifyRazorpaySignature(webhook?.body ?? '', String(webhook?.headers['x-razorpay-signature']), secret)).not.toThrow();
    expect(razorpayNotice(JSON.parse(webhook?.body ?? '{}'), 'sandbox')).toEqual({ orderId: request.orderId, verdict: { status: 'CAPTURED', provider: 'sandbox', reference: verdict.reference } });
  });

  it('reports a webhook it could not deliver', async () => {
    const undelivered: unknown[] = [];
    const gateway = sandboxGateway({ approvals: { webhookBaseUrl: 'http://127.0.0.1:9', webhookSecret: async () => secret, delayMs: 0, onUndelivered: (error) => undelivered.push(error) } });

    await gateway.charge(charge('UPI', 'success@razorpay'));
    await gateway.settled();

    expect(undelivered).toHaveLength(1);
  });

  it('refuses to leave a UPI payment waiting forever when it has nowhere to send approvals', async () => {
    await expect(sandboxGateway().charge(charge('UPI', 'success@razorpay'))).rejects.toThrow(/PAYMENTS_SANDBOX_WEBHOOK_URL/);
  });

  it('signs with HMAC-SHA256 in hex, which the verifier accepts only for the same bytes and secret', () => {
    const body = '{"event":"payment.captured"}';
    const signature = razorpaySignature(body, secret);

    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(() => verifyRazorpaySignature(body, signature, secret)).not.toThrow();
    expect(() => verifyRazorpaySignature(`${body} `, signature, secret)).toThrow();
    expect(() => verifyRazorpaySignature(body, signature, 'other')).toThrow();
    expect(() => verifyRazorpaySignature(body, signature.slice(2), secret)).toThrow();
  });
});
