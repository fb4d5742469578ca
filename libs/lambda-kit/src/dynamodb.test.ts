import { describe, expect, it } from 'vitest';
import { cancellationReasons, isConditionalCheckFailure, isTransactionConflict } from './dynamodb.js';

const cancelled = (...codes: string[]) => Object.assign(new Error('cancelled'), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });
const named = (name: string) => Object.assign(new Error(name), { name });

describe('transaction conflicts', () => {
  it('are races lost to other writes, not failed conditions', () => {
    expect(isTransactionConflict(cancelled('None', 'TransactionConflict'))).toBe(true);
    expect(isTransactionConflict(named('TransactionConflictException'))).toBe(true);
    expect(isTransactionConflict(cancelled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(false);
    expect(isTransactionConflict(new Error('network'))).toBe(false);
  });
});

describe('cancelled transactions', () => {
  it('give their reasons, one per item in request order', () => {
    expect(cancellationReasons(cancelled('None', 'ConditionalCheckFailed'))).toEqual([{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }]);
  });

  it('are told apart from every other failure', () => {
    expect(cancellationReasons(named('TransactionCanceledException'))).toEqual([]);
    expect(cancellationReasons(named('ConditionalCheckFailedException'))).toBeUndefined();
    expect(cancellationReasons('not an error')).toBeUndefined();
  });
});

describe('single-item condition failures', () => {
  it('are recognised by their name', () => {
    expect(isConditionalCheckFailure(named('ConditionalCheckFailedException'))).toBe(true);
    expect(isConditionalCheckFailure(cancelled('ConditionalCheckFailed'))).toBe(false);
    expect(isConditionalCheckFailure(undefined)).toBe(false);
  });
});
