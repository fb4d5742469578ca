import { defineOperation } from '@shoplane/contracts';
import { apiEvent, customer, generateTestKeys, invoke, testTokenSettings } from '@shoplane/testing';
import fc from 'fast-check';
import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from './errors.js';
import { httpHandler } from './http.js';
import { createLogger } from './logger.js';
import { defaultProblems } from './problems.js';
import { clockSkewSeconds, createTokenSigner, createTokenVerifier, tokenLifetimeSeconds } from './tokens.js';

const keys = generateTestKeys();
const verifier = createTokenVerifier(keys, testTokenSettings);
const now = () => Math.floor(Date.now() / 1000);

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed with the real key and exactly these claims: what an attacker cannot make, but a buggy issuer could. */
function signed(claims: Record<string, unknown>): string {
  const header = base64url({ alg: 'ES256', typ: 'JWT', kid: keys.signing.kid });
  const payload = base64url({ role: 'customer', sub: customer.userId, iss: testTokenSettings.issuer, aud: testTokenSettings.audience, ...claims });
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key: keys.signing.privateKeyPem, dsaEncoding: 'ieee-p1363' });
  return `${header}.${payload}.${signature.toString('base64url')}`;
}

const whoAmI = defineOperation({
  operationId: 'whoAmI',
  method: 'get',
  path: '/me',
  auth: 'user',
  tags: ['test'],
  summary: 'test operation',
  responses: { 200: { description: 'the caller' } },
  problems: [401],
});
const handler = httpHandler(whoAmI, { logger: createLogger('tokens-test'), problems: defaultProblems, verifier: () => verifier }, async ({ caller }) => ({
  status: 200,
  body: caller,
}));
const withAuthorization = (authorization: string) => invoke(handler, apiEvent(whoAmI, { headers: { authorization } }));

describe('the token verifier', () => {
  it('accepts what the issuer mints', async () => {
    const { token } = await createTokenSigner(keys, testTokenSettings).sign(customer);

    await expect(verifier.verify(token)).resolves.toEqual(customer);
  });

  it.each([
    ['no exp', { iat: now() }],
    ['an exp ten years ahead', { iat: now(), exp: now() + 10 * 365 * 24 * 3600 }],
    ['a lifetime longer than the issuer mints', { iat: now(), exp: now() + tokenLifetimeSeconds + clockSkewSeconds + 60 }],
    ['an exp far ahead and no iat', { exp: now() + 2 * tokenLifetimeSeconds }],
    ['an iat in the future', { iat: now() + 600, exp: now() + 900 }],
    ['an nbf in the future', { iat: now(), nbf: now() + 600, exp: now() + 900 }],
    ['an exp that is not a number', { iat: now(), exp: 'tomorrow' }],
  ])('refuses a correctly signed token with %s', async (_case, claims) => {
    await expect(verifier.verify(signed(claims))).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('tolerates clocks a few seconds apart', async () => {
    await expect(verifier.verify(signed({ iat: now() + clockSkewSeconds - 1, exp: now() + tokenLifetimeSeconds }))).resolves.toEqual(customer);
  });

  it('refuses a header that says JWT over a payload that is not JSON', async () => {
    await expect(verifier.verify('eyJ0eXAiOiJKV1QifQ.eA.x')).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses any garbled token as unauthorized, never with another error', async () => {
    const part = fc.oneof(
      fc.base64String(),
      fc.string(),
      fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
      fc.constant(Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'ES256', kid: keys.signing.kid })).toString('base64url')),
    );
    await fc.assert(
      fc.asyncProperty(part, part, part, async (header, payload, signature) => {
        await expect(verifier.verify(`${header}.${payload}.${signature}`)).rejects.toBeInstanceOf(UnauthorizedError);
      }),
      { numRuns: 300 },
    );
  });
});

describe('an authenticated operation', () => {
  it('answers 401 problem+json, not 500, to a token whose payload is not JSON', async () => {
    const response = await withAuthorization('Bearer eyJ0eXAiOiJKV1QifQ.eA.x');

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it('answers 401 to any malformed token', async () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/);
    await fc.assert(
      fc.asyncProperty(segment, segment, segment, async (header, payload, signature) => {
        const response = await withAuthorization(`Bearer ${header}.${payload}.${signature}`);
        expect(response.status).toBe(401);
      }),
      { numRuns: 200 },
    );
  });

  it.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])('accepts the scheme written %s (RFC 7235: case-insensitive)', async (scheme) => {
    const { token } = await createTokenSigner(keys, testTokenSettings).sign(customer);

    const response = await withAuthorization(`${scheme} ${token}`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual(customer);
  });
});
