/**
 * Base of every business-rule failure. It knows nothing of HTTP: a stable machine
 * `code` (also the problem type clients see), a human message, optional `data` for
 * the code that catches it, `violations` naming the parts of the input at fault,
 * and the `cause`. Each service maps its errors to problem+json in one table at the
 * edge (`src/problems.ts`, lambda-kit's `defineProblems`).
 */
export interface Violation {
  /** Dotted path into the request, e.g. `items.2.quantity`. */
  path: string;
  message: string;
}

export interface DomainErrorOptions<Data> {
  data?: Data;
  violations?: Violation[];
  cause?: unknown;
}

export class DomainError<Data = unknown> extends Error {
  readonly code: string;
  readonly data?: Data;
  readonly violations?: Violation[];

  constructor(code: string, message: string, options: DomainErrorOptions<Data> = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.data = options.data;
    this.violations = options.violations;
  }
}

/**
 * Too many simultaneous writes to the same items kept colliding; nothing was
 * changed, so a retry is safe. What lambda-kit's `transactWrite` throws when its
 * conflict retries run out.
 */
export class BusyError extends DomainError<{ subject: string }> {
  constructor(subject: string, cause?: unknown) {
    super('busy', `The ${subject} is being changed by other requests; try again.`, { data: { subject }, cause });
  }
}

/** Products' own answer, and the one carts and orders give for an id the catalogue does not know. */
export class ProductNotFoundError extends DomainError {
  constructor() {
    super('product-not-found', 'No product has this id.');
  }
}
