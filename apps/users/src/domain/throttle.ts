import { clientNetwork } from './client-network.js';
import { TooManyAttemptsError } from './errors.js';
import type { AttemptLog } from './ports.js';

/** At most `limit` attempts in any `windowMs` (a sliding window over a log of attempts). */
export interface ThrottlePolicy {
  /** Names the counters in storage; a new scope starts every counter afresh. */
  scope: string;
  limit: number;
  windowMs: number;
}

/** One counter: a policy applied to one subject (an account, a client network, or both). */
export interface ThrottleKey {
  policy: ThrottlePolicy;
  subject: string;
}

const minutes = (count: number) => count * 60_000;

/**
 * Failed logins, counted for the normalized email whether or not an account has it.
 * A success leaves no trace in any counter. Nothing here ever locks an account for
 * good: every refusal ends when its window frees a slot (Retry-After says when).
 *
 * - one account from one client network: 5 in 15 min. This is what stops one
 *   attacker guessing one password, and all it stops: the owner, from elsewhere,
 *   still gets in.
 * - one client network, any accounts: 20 in 15 min, against spraying one password
 *   over many accounts. Trade-off: clients behind one NAT share it.
 * - one account from everywhere: 30 in 15 min, against guessing from many networks.
 *   Holding a victim out takes failures from at least six networks, kept up for as
 *   long as the lock-out should last.
 */
export const loginThrottles = {
  accountFromClient: { scope: 'login-account-client', limit: 5, windowMs: minutes(15) },
  client: { scope: 'login-client', limit: 20, windowMs: minutes(15) },
  account: { scope: 'login-account', limit: 30, windowMs: minutes(15) },
} as const satisfies Record<string, ThrottlePolicy>;

/** Every registration that passes validation, from one client network: 10 an hour. */
export const registrationThrottle: ThrottlePolicy = { scope: 'register-client', limit: 10, windowMs: minutes(60) };

/** Narrowest first, so an attempt refused for its own account and client never holds the wider counters. */
export function loginThrottleKeys(email: string, sourceIp: string): ThrottleKey[] {
  const client = clientNetwork(sourceIp);
  return [
    { policy: loginThrottles.accountFromClient, subject: `${client} ${email}` },
    { policy: loginThrottles.client, subject: client },
    { policy: loginThrottles.account, subject: email },
  ];
}

export function registrationThrottleKeys(sourceIp: string): ThrottleKey[] {
  return [{ policy: registrationThrottle, subject: clientNetwork(sourceIp) }];
}

/**
 * A throttle's log: slot `i` holds the time (ms since the epoch) its attempt leaves
 * the window. A slot never taken is absent.
 */
export type AttemptSlots = ReadonlyMap<number, number>;

/** The slots an attempt may take now, among the policy's `limit`. */
export function freeSlots(policy: ThrottlePolicy, slots: AttemptSlots, nowMs: number): number[] {
  return Array.from({ length: policy.limit }, (_, index) => index).filter((index) => (slots.get(index) ?? 0) <= nowMs);
}

/** Whole seconds until the first busy slot frees, at least 1 (Retry-After). */
export function retryAfterSeconds(policy: ThrottlePolicy, slots: AttemptSlots, nowMs: number): number {
  const busyUntil = Array.from({ length: policy.limit }, (_, index) => slots.get(index) ?? 0).filter((freesAt) => freesAt > nowMs);
  const firstFree = busyUntil.length > 0 ? Math.min(...busyUntil) : nowMs;
  return Math.max(1, Math.ceil((firstFree - nowMs) / 1000));
}

/** Takes back the attempts an admission recorded. */
export type ForgetAttempt = () => Promise<void>;

/**
 * Records one attempt under every key, in order. When a key is at its limit, the
 * attempts already recorded for this one are taken back and it is refused with
 * TooManyAttemptsError: nothing else may run for it (no password comparison).
 */
export async function admitAttempt(attempts: AttemptLog, keys: ThrottleKey[], now: Date): Promise<ForgetAttempt> {
  const recorded: ForgetAttempt[] = [];
  const forgetAll = async () => {
    await Promise.all(recorded.map((forget) => forget()));
  };
  for (const key of keys) {
    const decision = await attempts.record(key, now);
    if (!decision.admitted) {
      await forgetAll();
      throw new TooManyAttemptsError(decision.retryAfterSeconds);
    }
    recorded.push(decision.forget);
  }
  return forgetAll;
}
