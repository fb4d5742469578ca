import { ConflictError, NotFoundError, UnauthorizedError } from '@shoplane/lambda-kit';

export class EmailAlreadyRegisteredError extends ConflictError {
  constructor() {
    super('An account with this email already exists.', 'email-already-registered');
  }
}

/** Same answer for an unknown email and a wrong password: the API does not reveal which accounts exist. */
export class InvalidCredentialsError extends UnauthorizedError {
  constructor() {
    super('The email or password is not correct.');
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor() {
    super('The account no longer exists.', 'user-not-found');
  }
}
