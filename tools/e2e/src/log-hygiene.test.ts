import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { localCredentials, localPlatform, localRegion, startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingClient } from './journey-client.js';
import { captureLogs, type LogCapture } from './log-capture.js';

/**
 * Every line the shop logs during a whole journey (register, login, cart, orders
 * paid by card and UPI, provider webhooks) is captured at the most verbose level,
 * and none of it may contain a credential.
 */
let logs: LogCapture;
let shop: LocalShop;
const password = 'correct horse battery staple 42';
const forgedSignature = 'f'.repeat(64);
const secrets: string[] = [];

beforeAll(async () => {
  logs = captureLogs({ level: 'DEBUG', console: true });
  shop = await startLocalShop({ port: 0 });
  const client = recordingClient(shop.url);
  const email = `careful-${Date.now()}@example.com`;
  await client.api.POST('/users/register', { body: { email, password, name: 'Careful' } });
  const login = await client.api.POST('/users/login', { body: { email, password } });
  const token = login.data?.token ?? '';
  secrets.push(token, password);
  client.useToken(token);
  await client.api.GET('/users/me');
  const page = await client.api.GET('/products', { params: { query: { limit: 2 } } });
  const [first, second] = page.data?.items ?? [];
  await client.api.POST('/cart/items', { body: { productId: first?.productId ?? '', quantity: 1 } });
  for (const [index, payment] of [
    { method: 'CARD' as const, token: 'tok_visa' },
    { method: 'CARD' as const, token: 'tok_chargeDeclined' },
    { method: 'UPI' as const, token: 'success@razorpay' },
  ].entries()) {
    await client.api.POST('/orders', {
      body: { items: [{ productId: second?.productId ?? '', quantity: 1 }], payment },
      params: { header: { 'Idempotency-Key': `log-hygiene-${Date.now()}-${index}` } },
    });
  }
  await fetch(`${shop.url}/payments/webhooks/razorpay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-razorpay-signature': forgedSignature },
    body: JSON.stringify({ event: 'payment.captured', payload: {} }),
  });
  await fetch(`${shop.url}/payments/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': `t=1,v1=${forgedSignature}` },
    body: JSON.stringify({ type: 'payment_intent.succeeded', data: { object: {} } }),
  });
  await fetch(`${shop.url}/cart?token=${encodeURIComponent(token)}`, { headers: { authorization: `Bearer ${token}` } });
  // Let checkout, webhooks and subscribers finish logging.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await shop.bus.drain();
  const secretsManager = new SecretsManagerClient({ endpoint: shop.controlPlane.endpoint, region: localRegion, credentials: localCredentials });
  const signing = await secretsManager.send(new GetSecretValueCommand({ SecretId: localPlatform.signingKeySecret }));
  const { privateKeyPem } = JSON.parse(signing.SecretString ?? '{}') as { privateKeyPem: string };
  secrets.push(privateKeyPem.split('\n').filter((line) => line && !line.startsWith('-----')).join(''));
  secrets.push(...privateKeyPem.split('\n').filter((line) => line.length > 40));
}, 120_000);

afterAll(async () => {
  // After the shop: it puts back the real process.env, which the level is restored on.
  await shop?.stop();
  logs.stop();
});

describe('the logs of a whole journey', () => {
  it('were captured at debug level', () => {
    expect(logs.chunks.length).toBeGreaterThan(10);
    expect(logs.chunks.join('\n')).toContain('correlationId');
  });

  it('hold no password, bearer token or signing key', () => {
    const text = logs.chunks.join('\n');

    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Bearer\s+eyJ/i);
    expect(text).not.toMatch(/"authorization"\s*:/i);
  });

  it('hold no payment token, UPI address or webhook signature', () => {
    const text = logs.chunks.join('\n');

    for (const paymentSecret of ['tok_visa', 'tok_chargeDeclined', 'success@razorpay', forgedSignature]) expect(text).not.toContain(paymentSecret);
  });
});
