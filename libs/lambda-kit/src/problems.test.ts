import { BusyError, DomainError } from '@shoplane/contracts';
import { describe, expect, it } from 'vitest';
import { HttpError } from './errors.js';
import { toProblemResponse } from './problem.js';
import { defineProblems, problem } from './problems.js';

class WidgetNotFoundError extends DomainError {
  constructor() {
    super('widget-not-found', 'No widget has this id.');
  }
}

class WidgetRefusedError extends DomainError<{ widgetId: string }> {
  constructor(widgetId: string, code = 'widget-refused') {
    super(code, 'The widget cannot take this.', { data: { widgetId }, violations: [{ path: 'items.0.size', message: 'must be at most 3' }] });
  }
}

/** A refusal with its own, more specific answer. */
class WidgetLockedError extends WidgetRefusedError {
  constructor(widgetId: string) {
    super(widgetId, 'widget-locked');
  }
}

class UnmappedError extends DomainError {
  constructor() {
    super('unmapped', 'Nobody answers this.');
  }
}

const problems = defineProblems(
  problem(WidgetNotFoundError, { status: 404 }),
  problem(WidgetLockedError, { status: 409, headers: { 'retry-after': '5' } }),
  problem(WidgetRefusedError, { status: 422 }),
);

/** What a client would receive for the error. */
function answer(table: typeof problems, error: unknown) {
  const response = toProblemResponse(table.toHttpError(error));
  return { status: response.statusCode, headers: response.headers ?? {}, body: JSON.parse(response.body ?? '{}') as Record<string, unknown> };
}

describe('a problem table', () => {
  it('answers a mapped domain error with its status, its code as problem type and its message as detail', () => {
    const { status, body } = answer(problems, new WidgetNotFoundError());

    expect(status).toBe(404);
    expect(body).toMatchObject({ type: 'https://shoplane.dev/problems/widget-not-found', title: 'Not Found', detail: 'No widget has this id.' });
  });

  it('turns violations into the problem\'s field errors', () => {
    const { body } = answer(problems, new WidgetRefusedError('wdg_1'));

    expect(body['errors']).toEqual([{ path: 'items.0.size', message: 'must be at most 3' }]);
  });

  it('tries rules in order, so a subclass listed before its parent gets its own answer and headers', () => {
    const locked = answer(problems, new WidgetLockedError('wdg_1'));

    expect(locked.status).toBe(409);
    expect(locked.headers['retry-after']).toBe('5');
    expect(locked.body).toMatchObject({ type: 'https://shoplane.dev/problems/widget-locked' });
  });

  it('computes headers from the error when the rule asks to', () => {
    const table = defineProblems(problem(WidgetRefusedError, { status: 429, headers: (error) => ({ 'retry-after': String(error.data?.widgetId.length ?? 0) }) }));

    const answer = toProblemResponse(table.toHttpError(new WidgetRefusedError('abcdefg')));

    expect(answer.statusCode).toBe(429);
    expect(answer.headers?.['retry-after']).toBe('7');
  });

  it('lets a parent listed first answer for its subclasses too', () => {
    const parentFirst = defineProblems(problem(WidgetRefusedError, { status: 422 }), problem(WidgetLockedError, { status: 409 }));

    expect(answer(parentFirst, new WidgetLockedError('wdg_1')).status).toBe(422);
  });

  it('keeps the domain error as the cause, for the log', () => {
    const error = new WidgetNotFoundError();

    expect(problems.toHttpError(error)).toMatchObject({ cause: error });
  });

  it('leaves an unmapped domain error unchanged, so the edge answers 500', () => {
    const error = new UnmappedError();

    expect(problems.toHttpError(error)).toBe(error);
    expect(answer(problems, error)).toMatchObject({ status: 500, body: { type: 'https://shoplane.dev/problems/internal-error' } });
  });

  it('leaves errors that are not domain errors unchanged', () => {
    const httpError = new HttpError(409, 'name-taken');
    const crash = new TypeError('x is undefined');

    expect(problems.toHttpError(httpError)).toBe(httpError);
    expect(problems.toHttpError(crash)).toBe(crash);
  });

  it('answers BusyError by default with 503, retry-after and type busy', () => {
    const { status, headers, body } = answer(defineProblems(), new BusyError('cart'));

    expect(status).toBe(503);
    expect(headers['retry-after']).toBe('1');
    expect(body).toMatchObject({ type: 'https://shoplane.dev/problems/busy', detail: 'The cart is being changed by other requests; try again.' });
  });

  it('lets a service answer BusyError its own way, keeping an older problem type', () => {
    const carts = defineProblems(problem(BusyError, { status: 409, type: 'cart-busy', headers: { 'retry-after': '1' } }));

    const { status, headers, body } = answer(carts, new BusyError('cart'));

    expect(status).toBe(409);
    expect(headers['retry-after']).toBe('1');
    expect(body).toMatchObject({ type: 'https://shoplane.dev/problems/cart-busy' });
  });

  it('says which error classes it maps, subclasses of mapped classes included', () => {
    expect(problems.maps(WidgetNotFoundError)).toBe(true);
    expect(problems.maps(WidgetLockedError)).toBe(true);
    expect(problems.maps(BusyError)).toBe(true);
    expect(problems.maps(UnmappedError)).toBe(false);
    expect(problems.maps(DomainError)).toBe(false);
  });

  it('names the unmapped domain errors among a module\'s exports, ignoring everything else', () => {
    const moduleExports = { WidgetNotFoundError, UnmappedError, HttpError, helper: () => undefined, limit: 3 };

    expect(problems.unmappedIn(moduleExports)).toEqual(['UnmappedError']);
  });

  it('refuses a rule whose status is not a problem status', () => {
    expect(() => problem(WidgetNotFoundError, { status: 200 })).toThrow(/400-599/);
    expect(() => problem(WidgetNotFoundError, { status: 4040 })).toThrow(/400-599/);
  });
});
