import { describe, expect, it } from 'vitest';
import * as errors from './domain/errors.js';
import { problems } from './problems.js';

describe('notifications\' problem table', () => {
  it('answers every error notifications\' domain defines, but the two that never reach an answer', () => {
    // A failed delivery is answered `status: FAILED` by sendNotification, and hands its event back to the
    // subscription's queue (to be retried, then dead-lettered): neither is ever an HTTP or internal answer.
    expect(problems.unmappedIn(errors).sort()).toEqual(['DeliveryFailedError', 'NotificationNotSentError']);
  });

  it('answers a cursor not issued for the caller\'s listing as a 400 invalid-cursor', () => {
    expect(problems.toHttpError(new errors.InvalidCursorError())).toMatchObject({ status: 400, problemType: 'invalid-cursor' });
  });
});
