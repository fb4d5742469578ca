import { startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingClient, type RecordingClient } from './journey-client.js';

let shop: LocalShop;
let client: RecordingClient;

beforeAll(async () => {
  shop = await startLocalShop({ port: 0, quiet: true });
  client = recordingClient(shop.url);
});

afterAll(async () => {
  await shop?.stop();
});

const email = `journey-${Date.now()}@example.com`;
const password = 'correct horse battery';

describe('a shopper\'s account journey through the generated client, against the running local shop', () => {
  let userId: string | undefined;
  let token: string | undefined;

  it('registers', async () => {
    const { data, response } = await client.api.POST('/users/register', { body: { email, password, name: 'Journey Tester' } });

    expect(response.status).toBe(201);
    userId = data?.userId;
    expect(userId).toMatch(/^usr_/);
  });

  it('publishes UserRegistered on the bus through the users outbox', async () => {
    await expect
      .poll(() => shop.bus.events.some(({ event }) => event['detail-type'] === 'UserRegistered' && JSON.stringify(event.detail).includes(email)), { timeout: 15_000 })
      .toBe(true);
  });

  it('is told 409 when registering the same email again', async () => {
    const { error, response } = await client.api.POST('/users/register', { body: { email: email.toUpperCase(), password, name: 'Twin' } });

    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(error?.type).toContain('email-already-registered');
  });

  it('is told 422 with each invalid field for a bad body', async () => {
    const { error, response } = await client.api.POST('/users/register', { body: { email: 'nope', password: 'short', name: '' } });

    expect(response.status).toBe(422);
    expect(error?.errors?.map((field) => field.path).sort()).toEqual(['email', 'name', 'password']);
  });

  it('cannot log in with a wrong password, and gets a token with the right one', async () => {
    const wrong = await client.api.POST('/users/login', { body: { email, password: 'not the password' } });
    const right = await client.api.POST('/users/login', { body: { email, password } });

    expect(wrong.response.status).toBe(401);
    expect(right.response.status).toBe(200);
    token = right.data?.token;
    expect(right.data?.expiresIn).toBeLessThanOrEqual(3600);
  });

  it('reads its own profile with the token, and nothing without it', async () => {
    client.useToken(undefined);
    const anonymous = await client.api.GET('/users/me');
    client.useToken(token);
    const me = await client.api.GET('/users/me');

    expect(anonymous.response.status).toBe(401);
    expect(me.data).toMatchObject({ userId, email, name: 'Journey Tester', role: 'customer' });
  });

  it('lets the seeded admin log in with an admin token', async () => {
    const login = await client.api.POST('/users/login', { body: { email: 'admin@shoplane.local', password: 'shoplane-admin' } });
    client.useToken(login.data?.token);
    const me = await client.api.GET('/users/me');

    expect(me.data?.role).toBe('admin');
  });

  it('got only answers that match openapi.json, every one of them', () => {
    expect(client.observed.length).toBeGreaterThanOrEqual(9);
    expect(client.observed.filter((answer) => answer.violations.length > 0)).toEqual([]);
  });
});
