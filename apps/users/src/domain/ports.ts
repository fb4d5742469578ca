import type { Caller, DomainEvent, Role } from '@shoplane/contracts';
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
