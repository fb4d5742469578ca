import { loginUser, registerUser } from '@shoplane/contracts';
import { apiEvent, invoke, testTokenSettings } from '@shoplane/testing';
import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, it } from 'vitest';
import { usersTestbed } from '../test-support.js';
import { loginHandler } from './login.js';
import { registerHandler } from './register.js';

let bed: Awaited<ReturnType<typeof usersTestbed>>;
let login: ReturnType<typeof loginHandler>;
let userId: string;

beforeAll(async () => {
  bed = await usersTestbed();
  login = loginHandler(() => ({ ...bed.accounts(), signer: bed.signer }));
  const registered = await invoke(
    registerHandler(bed.accounts),
    apiEvent(registerUser, { body: { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' } }),
  );
  userId = (registered.body as { userId: string }).userId;
});

const attempt = (email: string, password: string) => invoke(login, apiEvent(loginUser, { body: { email, password } }));

describe('POST /users/login', () => {
  it('answers 200 with a bearer token for the right password, whatever the email\'s case', async () => {
    const response = await attempt(' ADA@example.com', 'correct horse battery');

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({ token: expect.any(String), userId, expiresIn: 3600 });
  });

  it('mints an ES256 token with sub, role, iss, aud, kid and an expiry of at most one hour', async () => {
    const { token } = (await attempt('ada@example.com', 'correct horse battery')).body as { token: string };

    const verified = jwt.verify(token, bed.keys.public.publicKeyPem, { algorithms: ['ES256'], complete: true });
    const claims = verified.payload as jwt.JwtPayload;
    expect(verified.header).toMatchObject({ alg: 'ES256', kid: bed.keys.public.kid });
    expect(claims).toMatchObject({ sub: userId, role: 'customer', iss: testTokenSettings.issuer, aud: testTokenSettings.audience });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeLessThanOrEqual(3600);
  });

  it('gives an unknown email and a wrong password the same 401 answer', async () => {
    const unknown = await attempt('nobody@example.com', 'correct horse battery');
    const wrong = await attempt('ada@example.com', 'wrong password!');

    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const strip = (body: unknown) => ({ ...(body as object), correlationId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.headers['www-authenticate']).toBe(wrong.headers['www-authenticate']);
  });

  it('spends one password comparison for an unknown email, as for a known one, so timing reveals nothing', async () => {
    const before = bed.hasher.comparisons;
    await attempt('nobody@example.com', 'whatever-password');
    const forUnknown = bed.hasher.comparisons - before;

    await attempt('ada@example.com', 'wrong password!');
    const forKnown = bed.hasher.comparisons - before - forUnknown;

    expect(forUnknown).toBe(1);
    expect(forKnown).toBe(1);
  });

  it('answers 422 for a body without email or password', async () => {
    const response = await invoke(login, apiEvent(loginUser, { body: { email: 'ada@example.com' } }));

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'password', message: 'is required' }] });
  });
});
