import { BusyError, DomainError } from '@shoplane/contracts';
import { HttpError } from './errors.js';

/** How one kind of domain error is answered over HTTP. */
export interface ProblemMapping {
  status: number;
  /** Problem type slug; defaults to the error's `code`. */
  type?: string;
  headers?: Record<string, string>;
}

type DomainErrorClass = abstract new (...args: never[]) => DomainError;

export interface ProblemRule extends ProblemMapping {
  error: DomainErrorClass;
}

export function problem(error: DomainErrorClass, mapping: ProblemMapping): ProblemRule {
  return { error, ...mapping };
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
      headers: rule.headers,
      cause: error,
    });
  }

  /** True when some rule answers this error class (stack tests check every exported error is mapped). */
  maps(errorClass: DomainErrorClass): boolean {
    return this.rules.some((rule) => rule.error === errorClass || errorClass.prototype instanceof rule.error);
  }
}

/** Rules every service shares, tried after a service's own (which may answer these differently). */
export const sharedProblemRules: readonly ProblemRule[] = [problem(BusyError, { status: 503, headers: { 'retry-after': '1' } })];

export function defineProblems(...rules: ProblemRule[]): ProblemTable {
  return new ProblemTable([...rules, ...sharedProblemRules]);
}

/** The table of a service that defines no errors of its own. */
export const defaultProblems = defineProblems();
