import { DomainError } from '@shoplane/contracts';

export class EmailAlreadyRegisteredError extends DomainError {
  constructor() {
    super('email-already-registered', 'An account with this email already exists.');
  }
}

/**
 * Same answer for an unknown email and a wrong password: the API does not reveal which
 * accounts exist. Its code is the generic `unauthorized`, the answer a bad token gets too.
 */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('unauthorized', 'The email or password is not correct.');
  }
}

export class UserNotFoundError extends DomainError {
  constructor() {
    super('user-not-found', 'The account no longer exists.');
  }
}

/**
 * An attempt over a throttle's limit, refused before anything about the account or
 * the password is looked at, so it answers the same for every email and password.
 */
export class TooManyAttemptsError extends DomainError<{ retryAfterSeconds: number }> {
  /** Whole seconds until the throttle's window frees a slot. */
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('too-many-attempts', 'Too many attempts. Try again after the number of seconds in Retry-After.', { data: { retryAfterSeconds } });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
