import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { localCredentials, localPlatform, localRegion, startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingClient } from './journey-client.js';

/**
 * Every line the shop logs during a whole journey (register, login, cart, orders
 * paid by card and UPI, provider webhooks) is captured at the most verbose level,
 * and none of it may contain a credential.
 */
const captured: string[] = [];
const writes = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };
const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
const originalConsole = Object.fromEntries(consoleMethods.map((method) => [method, console[method]]));

function startCapturing(): void {
  const record = (chunk: unknown) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    return true;
  };
  process.stdout.write = record as typeof process.stdout.write;
  process.stderr.write = record as typeof process.stderr.write;
  for (const method of consoleMethods) console[method] = (...args: unknown[]) => void record(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' '));
}

function stopCapturing(): void {
  process.stdout.write = writes.stdout;
  process.stderr.write = writes.stderr;
  for (const method of consoleMethods) console[method] = originalConsole[method] as (typeof console)[typeof method];
}

let shop: LocalShop;
const previousLevel = process.env['POWERTOOLS_LOG_LEVEL'];
const password = 'correct horse battery staple 42';
const forgedSignature = 'f'.repeat(64);
const secrets: string[] = [];

beforeAll(async () => {
  process.env['POWERTOOLS_LOG_LEVEL'] = 'DEBUG';
  startCapturing();
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
  stopCapturing();
  await shop?.stop();
  if (previousLevel === undefined) delete process.env['POWERTOOLS_LOG_LEVEL'];
  else process.env['POWERTOOLS_LOG_LEVEL'] = previousLevel;
});

describe('the logs of a whole journey', () => {
  it('were captured at debug level', () => {
    expect(captured.length).toBeGreaterThan(10);
    expect(captured.join('\n')).toContain('correlationId');
  });

  it('hold no password, bearer token or signing key', () => {
    const text = captured.join('\n');

    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Bearer\s+eyJ/i);
    expect(text).not.toMatch(/"authorization"\s*:/i);
  });

  it('hold no payment token, UPI address or webhook signature', () => {
    const text = captured.join('\n');

    for (const paymentSecret of ['tok_visa', 'tok_chargeDeclined', 'success@razorpay', forgedSignature]) expect(text).not.toContain(paymentSecret);
  });
});
