import type { Caller, DomainEvent, Role } from '@shoplane/contracts';
import type { ThrottleKey } from './throttle.js';
import type { User } from './user.js';

export interface UserRepository {
  /** Stores the user and claims its email atomically, with the events; throws EmailAlreadyRegisteredError. */
  create(user: User, events: DomainEvent[]): Promise<void>;
  findByEmail(email: string): Promise<User | undefined>;
  findById(userId: string): Promise<User | undefined>;
  /** Returns the updated user, or undefined when no account has this email. */
  setRole(email: string, role: Role): Promise<User | undefined>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /** Spends the time of one verification, for callers that have no hash to check. */
  verifyAgainstDummy(password: string): Promise<void>;
}

export interface IssuedToken {
  token: string;
  /** Seconds until the token expires. */
  expiresIn: number;
}

/** Mints a caller's bearer token (lambda-kit's platform signer in production). */
export interface TokenSigner {
  sign(caller: Caller): Promise<IssuedToken>;
}

export type AttemptDecision =
  | { admitted: true; /** Takes this attempt out of the log again. */ forget(): Promise<void> }
  | { admitted: false; retryAfterSeconds: number };

/** Remembers attempts for as long as their throttle's window lasts. */
export interface AttemptLog {
  /**
   * Records one attempt under the key, unless the key's policy has had its limit of
   * attempts in the window before `now`. Atomic: concurrent attempts never record
   * more than the limit.
   */
  record(key: ThrottleKey, now: Date): Promise<AttemptDecision>;
}
