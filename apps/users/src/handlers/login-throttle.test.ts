import { loginUser, registerUser } from '@shoplane/contracts';
import { apiEvent, invoke, type ParsedResponse } from '@shoplane/testing';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { metrics } from '../adapters/dependencies.js';
import { loginThrottles } from '../domain/throttle.js';
import { fromAddress, usersTestbed } from '../test-support.js';
import { loginHandler } from './login.js';
import { registerHandler } from './register.js';

let bed: Awaited<ReturnType<typeof usersTestbed>>;
let login: ReturnType<typeof loginHandler>;

const password = 'correct horse battery';
const window = loginThrottles.accountFromClient.windowMs;
const perAccountFromClient = loginThrottles.accountFromClient.limit;

beforeAll(async () => {
  bed = await usersTestbed();
  login = loginHandler(() => ({ ...bed.accounts(), signer: bed.signer }));
  const register = registerHandler(bed.accounts);
  for (const email of ['ada@example.com', 'grace@example.com', 'edsger@example.com', 'barbara@example.com', 'race@example.com', 'katherine@example.com']) {
    await invoke(register, apiEvent(registerUser, { body: { email, password, name: 'Throttled' } }));
  }
});

const attempt = (email: string, attempted: string, sourceIp: string) =>
  invoke(login, fromAddress(apiEvent(loginUser, { body: { email, password: attempted } }), sourceIp));

async function failInTurn(email: string, sourceIp: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await attempt(email, `wrong guess ${i}`, sourceIp)).status);
  return statuses;
}

/** What a client can compare between two answers: everything but the per-request correlation id. */
const comparable = (response: ParsedResponse) => ({
  status: response.status,
  body: { ...(response.body as object), correlationId: undefined },
  headers: { ...response.headers, 'x-correlation-id': undefined },
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('login throttling', () => {
  it('counts LoginsThrottled for each refused attempt, and nothing for the failures before it', async () => {
    const counted = vi.spyOn(metrics, 'count');

    expect(await failInTurn('katherine@example.com', '203.0.113.40', perAccountFromClient)).toEqual([401, 401, 401, 401, 401]);
    expect(counted).not.toHaveBeenCalled();
    expect((await attempt('katherine@example.com', password, '203.0.113.40')).status).toBe(429);
    expect((await attempt('katherine@example.com', 'another guess', '203.0.113.40')).status).toBe(429);

    expect(counted.mock.calls).toEqual([['LoginsThrottled'], ['LoginsThrottled']]);
  });

  it('answers 429 problem+json with Retry-After once one account has had 5 failures from one client, even for the right password', async () => {
    expect(await failInTurn('ada@example.com', '203.0.113.10', perAccountFromClient)).toEqual([401, 401, 401, 401, 401]);
    const comparisons = bed.hasher.comparisons;

    const throttled = await attempt('ada@example.com', password, '203.0.113.10');

    expect(throttled.status).toBe(429);
    expect(throttled.headers['content-type']).toBe('application/problem+json');
    expect(throttled.headers['retry-after']).toBe(String(window / 1000));
    expect(throttled.body).toMatchObject({ status: 429, title: 'Too Many Requests', type: expect.stringContaining('too-many-attempts') });
    expect(bed.hasher.comparisons).toBe(comparisons);
  });

  it('counts down Retry-After to the moment the oldest failure leaves the 15-minute window', async () => {
    await failInTurn('grace@example.com', '203.0.113.11', 1);
    bed.clock.advance(60_000);
    await failInTurn('grace@example.com', '203.0.113.11', perAccountFromClient - 1);
    bed.clock.advance(60_000);

    const throttled = await attempt('grace@example.com', password, '203.0.113.11');

    expect(throttled.headers['retry-after']).toBe(String(window / 1000 - 120));
  });

  it('lets the right password in again once the window has passed, and does not count a success', async () => {
    await failInTurn('edsger@example.com', '203.0.113.12', perAccountFromClient);
    expect((await attempt('edsger@example.com', password, '203.0.113.12')).status).toBe(429);

    bed.clock.advance(window);

    expect((await attempt('edsger@example.com', password, '203.0.113.12')).status).toBe(200);
    expect(await failInTurn('edsger@example.com', '203.0.113.12', perAccountFromClient)).toEqual([401, 401, 401, 401, 401]);
  });

  it('lets the owner in from another client while an attacker\'s client is held back on their account', async () => {
    await failInTurn('barbara@example.com', '198.51.100.66', perAccountFromClient);
    expect((await attempt('barbara@example.com', password, '198.51.100.66')).status).toBe(429);

    expect((await attempt('barbara@example.com', password, '192.0.2.1')).status).toBe(200);
  });

  it('holds an account back from everywhere after 30 failures from many clients, for the window only', async () => {
    const attackers = Array.from({ length: loginThrottles.account.limit / perAccountFromClient }, (_, i) => `2001:db8:${i + 1}::bad`);
    for (const attacker of attackers) await failInTurn('barbara@example.com', attacker, perAccountFromClient);
    const comparisons = bed.hasher.comparisons;

    const owner = await attempt('barbara@example.com', password, '192.0.2.1');

    expect(owner.status).toBe(429);
    expect(bed.hasher.comparisons).toBe(comparisons);
    bed.clock.advance(window);
    expect((await attempt('barbara@example.com', password, '192.0.2.1')).status).toBe(200);
  });

  it('answers 429 to one client after 20 failures across many accounts, without a password comparison', async () => {
    const sprayed = Array.from({ length: loginThrottles.client.limit }, (_, i) => `sprayed-${i}@example.com`);
    for (const email of sprayed) expect((await attempt(email, 'Summer2026!', '198.51.100.20')).status).toBe(401);
    const comparisons = bed.hasher.comparisons;

    const next = await attempt('ada@example.com', 'Summer2026!', '198.51.100.20');

    expect(next.status).toBe(429);
    expect(next.headers['retry-after']).toBe(String(window / 1000));
    expect(bed.hasher.comparisons).toBe(comparisons);
    expect((await attempt('sprayed-next@example.com', 'Summer2026!', '198.51.100.21')).status).toBe(401);
  });

  it('counts one IPv6 /64 as one client, whichever of its addresses an attempt comes from', async () => {
    for (let i = 0; i < perAccountFromClient; i++) await attempt('grace@example.com', 'wrong', `2001:db8:64:64::${i + 1}`);

    expect((await attempt('grace@example.com', password, '2001:db8:64:64:ffff::1')).status).toBe(429);
  });

  it('throttles an unknown email exactly like a known one: same counting, same status, body and headers', async () => {
    const unknownFailures = await failInTurn('nobody@example.com', '203.0.113.30', perAccountFromClient);
    const knownFailures = await failInTurn('ada@example.com', '203.0.113.31', perAccountFromClient);
    const comparisons = bed.hasher.comparisons;

    const unknown = await attempt('nobody@example.com', 'anything', '203.0.113.30');
    const known = await attempt('ada@example.com', 'anything', '203.0.113.31');

    expect(unknownFailures).toEqual(knownFailures);
    expect(bed.hasher.comparisons).toBe(comparisons);
    expect(unknown.status).toBe(429);
    expect(comparable(unknown)).toEqual(comparable(known));
  });

  it('lets at most 5 of 30 concurrent wrong passwords reach bcrypt and answers the rest 429', async () => {
    const comparisons = bed.hasher.comparisons;

    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt('race@example.com', `concurrent guess ${i}`, '203.0.113.40')));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(perAccountFromClient);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - perAccountFromClient);
    expect(bed.hasher.comparisons - comparisons).toBe(perAccountFromClient);
  });
});
