import { getCurrentUser, registerUser } from '@shoplane/contracts';
import { apiEvent, customer, generateTestKeys, invoke, testTokenSettings } from '@shoplane/testing';
import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, it } from 'vitest';
import { usersTestbed } from '../test-support.js';
import { getMeHandler } from './get-me.js';
import { registerHandler } from './register.js';

let bed: Awaited<ReturnType<typeof usersTestbed>>;
let getMe: ReturnType<typeof getMeHandler>;
let userId: string;

beforeAll(async () => {
  bed = await usersTestbed();
  getMe = getMeHandler(bed.accounts, bed.verifier);
  const registered = await invoke(
    registerHandler(bed.accounts),
    apiEvent(registerUser, { body: { email: 'me@example.com', password: 'correct horse battery', name: 'Me Myself' } }),
  );
  userId = (registered.body as { userId: string }).userId;
});

const { issuer, audience } = testTokenSettings;

function signed(claims: object, options: jwt.SignOptions = {}, key = bed.keys.signing) {
  return jwt.sign(claims, key.privateKeyPem, {
    algorithm: 'ES256',
    keyid: key.kid,
    subject: userId,
    issuer,
    audience,
    expiresIn: 600,
    ...options,
  });
}

const asCaller = (token?: string) => invoke(getMe, apiEvent(getCurrentUser, { token }));

describe('GET /users/me', () => {
  it('answers the profile of the token\'s subject, without the password hash', async () => {
    const response = await asCaller(signed({ role: 'customer' }));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ userId, email: 'me@example.com', name: 'Me Myself', role: 'customer', createdAt: expect.any(String) });
  });

  it('answers 404 when the token is valid but the account no longer exists', async () => {
    const response = await asCaller(signed({ role: 'customer' }, { subject: customer.userId }));

    expect(response.status).toBe(404);
  });

  const otherKeys = generateTestKeys();
  const rejected: [string, () => string | undefined][] = [
    ['no token', () => undefined],
    ['an expired token', () => signed({ role: 'customer' }, { expiresIn: -60 })],
    ['a token from another issuer', () => signed({ role: 'customer' }, { issuer: 'https://evil.example' })],
    ['a token for another audience', () => signed({ role: 'customer' }, { audience: 'someone-else' })],
    ['a token signed by an unknown key with our kid', () => signed({ role: 'customer' }, { keyid: bed.keys.signing.kid }, otherKeys.signing)],
    ['a token with an unknown kid', () => signed({ role: 'customer' }, { keyid: 'unknown-kid' })],
    [
      'a tampered token (role changed to admin)',
      () => {
        const [header, payload, signature] = signed({ role: 'customer' }).split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
        const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
    ],
    [
      'an unsigned token (alg: none)',
      () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: bed.keys.signing.kid })).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        const payload = Buffer.from(JSON.stringify({ sub: userId, role: 'customer', iss: issuer, aud: audience, iat: now, exp: now + 600 })).toString('base64url');
        return `${header}.${payload}.`;
      },
    ],
    ['an HS256 token keyed with the public key', () => jwt.sign({ role: 'customer' }, bed.keys.public.publicKeyPem, { algorithm: 'HS256', keyid: bed.keys.public.kid, subject: userId, issuer, audience })],
    ['a token with an invalid role', () => signed({ role: 'superuser' })],
    ['garbage', () => 'not.a.jwt'],
  ];

  it.each(rejected)('answers 401 problem+json for %s', async (_case, token) => {
    const response = await asCaller(token());

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('answers 401 when the Authorization header is not a bearer token', async () => {
    const response = await invoke(getMe, apiEvent(getCurrentUser, { headers: { authorization: `Basic ${Buffer.from('me:pw').toString('base64')}` } }));

    expect(response.status).toBe(401);
  });
});
