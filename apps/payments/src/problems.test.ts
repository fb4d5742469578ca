import { toProblemResponse } from '@shoplane/lambda-kit';
import { describe, expect, it } from 'vitest';
import * as errors from './domain/errors.js';
import { problems } from './problems.js';

describe('payments\' problem table', () => {
  it('answers every error payments\' domain defines', () => {
    expect(problems.unmappedIn(errors)).toEqual([]);
  });

  it.each([
    ['an unreachable provider', new errors.ProviderUnavailableError('stripe'), 'payment-provider-unavailable'],
    ['a charge already running', new errors.PaymentInProgressError(), 'payment-in-progress'],
  ])('answers %s as a 503 with retry-after, so the saga\'s Task or the provider tries again', (_what, error, type) => {
    const response = toProblemResponse(problems.toHttpError(error));

    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('1');
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ type: `https://shoplane.dev/problems/${type}` });
  });

  it('answers a forged webhook as a 400 and a mismatched charge as a 409, never retried', () => {
    expect(problems.toHttpError(new errors.WebhookSignatureError())).toMatchObject({ status: 400, problemType: 'invalid-webhook-signature' });
    expect(problems.toHttpError(new errors.PaymentMismatchError())).toMatchObject({ status: 409, problemType: 'payment-mismatch' });
  });
});
