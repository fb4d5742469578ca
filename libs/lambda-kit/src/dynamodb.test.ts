import { describe, expect, it } from 'vitest';
import { isTransactionConflict, retryOnConflict } from './dynamodb.js';
import { ServiceUnavailableError } from './errors.js';

const cancelled = (...codes: string[]) => Object.assign(new Error('cancelled'), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });
const quick = { attempts: 4, baseDelayMs: 0, maxDelayMs: 0 };
const busy = (cause: unknown) => new ServiceUnavailableError('busy', { cause });

describe('transaction conflicts', () => {
  it('are races lost to other writes, not failed conditions', () => {
    expect(isTransactionConflict(cancelled('None', 'TransactionConflict'))).toBe(true);
    expect(isTransactionConflict(Object.assign(new Error('x'), { name: 'TransactionConflictException' }))).toBe(true);
    expect(isTransactionConflict(cancelled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(false);
    expect(isTransactionConflict(new Error('network'))).toBe(false);
  });

  it('are retried until the write wins', async () => {
    let calls = 0;

    const result = await retryOnConflict(async () => {
      calls++;
      if (calls < 3) throw cancelled('TransactionConflict');
      return 'written';
    }, busy, quick);

    expect(result).toBe('written');
    expect(calls).toBe(3);
  });

  it('end in the caller\'s "busy" error when the write keeps losing', async () => {
    let calls = 0;
    const write = async () => {
      calls++;
      throw cancelled('TransactionConflict');
    };

    await expect(retryOnConflict(write, busy, quick)).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(4);
  });

  it('are not confused with other failures, which are thrown at once', async () => {
    let calls = 0;
    const write = async () => {
      calls++;
      throw cancelled('ConditionalCheckFailed');
    };

    await expect(retryOnConflict(write, busy, quick)).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(calls).toBe(1);
  });
});
