import { loginUser, registerUser } from '@shoplane/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSlots, loginThrottleKeys, loginThrottles, registrationThrottle, registrationThrottleKeys, retryAfterSeconds, type ThrottlePolicy } from './throttle.js';

const policy: ThrottlePolicy = { scope: 'test', limit: 5, windowMs: 15 * 60_000 };
const now = Date.parse('2026-11-25T10:00:00Z');

describe('throttle policies', () => {
  it('count one account from one client, one client, and one account from everywhere, narrowest first', () => {
    const keys = loginThrottleKeys('ada@example.com', '2001:db8:aa::1');

    expect(keys).toEqual([
      { policy: loginThrottles.accountFromClient, subject: '2001:db8:aa:0::/64 ada@example.com' },
      { policy: loginThrottles.client, subject: '2001:db8:aa:0::/64' },
      { policy: loginThrottles.account, subject: 'ada@example.com' },
    ]);
    expect(registrationThrottleKeys('203.0.113.7')).toEqual([{ policy: registrationThrottle, subject: '203.0.113.7' }]);
  });

  it('leave an account open to its owner while one client is held back: it takes failures from six clients to fill the account\'s own', () => {
    expect(loginThrottles.account.limit / loginThrottles.accountFromClient.limit).toBeGreaterThanOrEqual(6);
    expect(loginThrottles.account.windowMs).toBe(loginThrottles.accountFromClient.windowMs);
  });

  it('are the limits the contract documents', () => {
    const fifteenMinutes = 15 * 60_000;
    expect([loginThrottles.accountFromClient, loginThrottles.client, loginThrottles.account].map((each) => each.windowMs)).toEqual([
      fifteenMinutes,
      fifteenMinutes,
      fifteenMinutes,
    ]);
    expect(loginUser.description).toContain(`${loginThrottles.accountFromClient.limit} in 15 minutes for one email from one client address`);
    expect(loginUser.description).toContain(`${loginThrottles.client.limit} from one address, ${loginThrottles.account.limit} for one email from everywhere`);
    expect(registrationThrottle.windowMs).toBe(60 * 60_000);
    expect(registerUser.description).toContain(`At most ${registrationThrottle.limit} registrations an hour`);
  });
});

describe('slots of a throttle', () => {
  it('are all free when none was ever taken', () => {
    expect(freeSlots(policy, new Map(), now)).toEqual([0, 1, 2, 3, 4]);
  });

  it('free exactly when their attempt leaves the window', () => {
    const slots = new Map([
      [0, now],
      [1, now + 1],
      [3, now - 1],
    ]);

    expect(freeSlots(policy, slots, now)).toEqual([0, 2, 3, 4]);
  });

  it('beyond the policy\'s limit are never offered (a limit lowered later holds at once)', () => {
    expect(freeSlots({ ...policy, limit: 2 }, new Map([[7, 0]]), now)).toEqual([0, 1]);
  });

  it('tell a refused attempt the whole seconds until the first busy slot frees, never less than one', () => {
    const slots = new Map([
      [0, now + 90_001],
      [1, now + 30_500],
      [2, now + 600_000],
    ]);

    expect(retryAfterSeconds(policy, slots, now)).toBe(31);
    expect(retryAfterSeconds(policy, new Map([[0, now + 1]]), now)).toBe(1);
  });

  it('never let a retry after Retry-After find every slot still busy, nor an earlier one find a free slot', () => {
    const full = fc.array(fc.integer({ min: 1, max: policy.windowMs }), { minLength: policy.limit, maxLength: policy.limit });
    fc.assert(
      fc.property(full, (remaining) => {
        const slots = new Map(remaining.map((left, index) => [index, now + left]));
        const retryAfter = retryAfterSeconds(policy, slots, now);

        expect(freeSlots(policy, slots, now)).toEqual([]);
        expect(freeSlots(policy, slots, now + retryAfter * 1000).length).toBeGreaterThan(0);
        expect(freeSlots(policy, slots, now + (retryAfter - 1) * 1000)).toEqual([]);
      }),
    );
  });
});
