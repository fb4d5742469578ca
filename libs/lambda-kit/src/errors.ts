import type { FieldError } from '@shoplane/contracts';

export interface HttpErrorOptions {
  detail?: string;
  cause?: unknown;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/**
 * Base of every error a client may see. It carries its status and problem type;
 * `toProblemResponse` renders it. Anything that is not an HttpError becomes a
 * generic 500 whose details stay in the log.
 */
export class HttpError extends Error {
  readonly status: number;
  /** Short, stable problem type slug, e.g. `email-already-registered`. */
  readonly problemType: string;
  readonly detail?: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(status: number, problemType: string, options: HttpErrorOptions = {}) {
    super(options.detail ?? problemType, { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.problemType = problemType;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

export class BadRequestError extends HttpError {
  constructor(detail: string, problemType = 'bad-request', options: HttpErrorOptions = {}) {
    super(400, problemType, { ...options, detail });
  }
}

export class UnauthorizedError extends HttpError {
  constructor(detail = 'A valid bearer token is required.', options: HttpErrorOptions = {}) {
    super(401, 'unauthorized', { ...options, detail, headers: { 'www-authenticate': 'Bearer' } });
  }
}

export class ForbiddenError extends HttpError {
  constructor(detail = 'You are not allowed to do this.') {
    super(403, 'forbidden', { detail });
  }
}

export class NotFoundError extends HttpError {
  constructor(detail: string, problemType = 'not-found') {
    super(404, problemType, { detail });
  }
}

export class ConflictError extends HttpError {
  constructor(detail: string, problemType = 'conflict', options: HttpErrorOptions = {}) {
    super(409, problemType, { ...options, detail });
  }
}

export class ValidationError extends HttpError {
  constructor(errors: FieldError[], detail = 'The request is not valid; see `errors`.') {
    super(422, 'validation-failed', { detail, errors });
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor(detail = 'Send the body as application/json.') {
    super(415, 'unsupported-media-type', { detail });
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(detail: string, options: HttpErrorOptions = {}) {
    super(503, 'service-unavailable', { ...options, detail, headers: { 'retry-after': '1' } });
  }
}
