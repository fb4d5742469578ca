import { BusyError, DomainError } from '@shoplane/contracts';
import { HttpError } from './errors.js';

/** How one kind of domain error is answered over HTTP. */
export interface ProblemMapping<E extends DomainError = DomainError> {
  status: number;
  /**
   * Problem type slug. Leave it out: the slug is the error's `code`. It exists for an
   * answer older than the error that now causes it (carts answer BusyError as `cart-busy`).
   */
  type?: string;
  /** Fixed headers, or headers computed from the error (e.g. a Retry-After only the error knows). */
  headers?: Record<string, string> | ((error: E) => Record<string, string>);
}

type DomainErrorClass<E extends DomainError = DomainError> = abstract new (...args: never[]) => E;

export interface ProblemRule extends Omit<ProblemMapping, 'headers'> {
  error: DomainErrorClass;
  headers?: Record<string, string> | ((error: DomainError) => Record<string, string>);
}

export function problem<E extends DomainError>(error: DomainErrorClass<E>, mapping: ProblemMapping<E>): ProblemRule {
  // A refusal is a 4xx and a failure a 5xx; anything else in a problem table is a typo.
  if (!Number.isInteger(mapping.status) || mapping.status < 400 || mapping.status > 599) {
    throw new Error(`${error.name} is mapped to status ${mapping.status}; a problem's status is 400-599`);
  }
  // The rule is only ever applied to instances of `error`, so its header function sees an E.
  return { error, ...mapping } as ProblemRule;
}

function isDomainErrorClass(value: unknown): value is DomainErrorClass {
  return typeof value === 'function' && (value === DomainError || value.prototype instanceof DomainError);
}

/**
 * A service's one table from domain error to HTTP answer, used at the edge by
 * `httpHandler` and `internalHandler`. Rules are tried in order, so a subclass's
 * rule goes before its parent's. A DomainError no rule names is a bug: it is
 * answered as a 500 and logged.
 */
export class ProblemTable {
  readonly rules: readonly ProblemRule[];

  constructor(rules: readonly ProblemRule[]) {
    this.rules = rules;
  }

  /** The HttpError for a mapped domain error; anything else is returned unchanged. */
  toHttpError(error: unknown): unknown {
    if (!(error instanceof DomainError)) return error;
    const rule = this.rules.find((candidate) => error instanceof candidate.error);
    if (!rule) return error;
    return new HttpError(rule.status, rule.type ?? error.code, {
      detail: error.message,
      errors: error.violations,
      headers: typeof rule.headers === 'function' ? rule.headers(error) : rule.headers,
      cause: error,
    });
  }

  /** True when some rule answers this error class (itself or through a parent). */
  maps(errorClass: DomainErrorClass): boolean {
    return this.rules.some((rule) => rule.error === errorClass || errorClass.prototype instanceof rule.error);
  }

  /**
   * The names of the DomainError classes among a module's exports that no rule answers;
   * each service's test passes its `domain/errors.ts` and expects none.
   */
  unmappedIn(moduleExports: Record<string, unknown>): string[] {
    return Object.entries(moduleExports)
      .filter(([, value]) => isDomainErrorClass(value) && !this.maps(value))
      .map(([name]) => name);
  }
}

/**
 * Rules for the shared errors any service meets without defining them (BusyError is
 * what lambda-kit's transaction helper throws), so every service answers them alike.
 * They come after a service's own rules, which may answer them differently.
 */
export const sharedProblemRules: readonly ProblemRule[] = [problem(BusyError, { status: 503, headers: { 'retry-after': '1' } })];

export function defineProblems(...rules: ProblemRule[]): ProblemTable {
  return new ProblemTable([...rules, ...sharedProblemRules]);
}

/** The table of a service that defines no errors of its own. */
export const defaultProblems = defineProblems();
