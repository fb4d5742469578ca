import { BatchGetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BusyError } from '@shoplane/contracts';
import {
  cancellationReasons,
  defaultConflictRetry,
  isTransactionConflict,
  jitteredBackoff,
  type CancellationReason,
  type ConflictRetry,
  type TransactItem,
} from './dynamodb.js';

/** The one DynamoDB call our helpers need; tests pass counting or failing fakes. */
export type DocumentClient = Pick<DynamoDBDocumentClient, 'send'>;
export type ItemKey = Record<string, unknown>;
export type Item = Record<string, unknown>;

export interface TransactWriteOptions {
  /** What is busy when conflicts never settle (`cart` → BusyError('cart')). */
  subject: string;
  /**
   * Turns the per-item cancellation reasons (a condition failed) into the caller's
   * domain error; returning undefined rethrows DynamoDB's own error.
   */
  refusal?: (reasons: CancellationReason[]) => Error | undefined;
  retry?: ConflictRetry;
  /** DynamoDB's own idempotency for the transaction (10 minutes). */
  clientRequestToken?: string;
}

/**
 * Runs one write transaction. A race lost to another transaction
 * (TransactionConflict) is retried after a jittered, growing pause; when it keeps
 * losing, the answer is `BusyError(subject)`: nothing was written, so a retry is
 * safe. A cancellation for failed conditions goes to `refusal`.
 */
export async function transactWrite(client: DocumentClient, items: TransactItem[], options: TransactWriteOptions): Promise<void> {
  const retry = options.retry ?? defaultConflictRetry;
  const command = new TransactWriteCommand({ TransactItems: items, ClientRequestToken: options.clientRequestToken });
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(command);
      return;
    } catch (error) {
      if (isTransactionConflict(error)) {
        if (attempt >= retry.attempts) throw new BusyError(options.subject, error);
        await jitteredBackoff(attempt, retry);
        continue;
      }
      const reasons = cancellationReasons(error);
      throw (reasons && options.refusal?.(reasons)) || error;
    }
  }
}

/** Flags per item, in request order: which conditions failed in a cancelled transaction. */
export function failedConditions(reasons: CancellationReason[], itemCount: number): boolean[] {
  return Array.from({ length: itemCount }, (_unused, index) => reasons[index]?.Code === 'ConditionalCheckFailed');
}

/** BatchGetItem reads at most 100 keys a call. */
export const batchGetLimit = 100;

export interface BatchGetOptions {
  /** Strongly consistent reads (e.g. pricing an order). */
  consistentRead?: boolean;
  projection?: { expression: string; names: Record<string, string> };
  /** Calls per chunk, the first included, before giving up on keys DynamoDB keeps leaving unprocessed. */
  attempts?: number;
  pause?: (attempt: number) => Promise<void>;
  /** What is busy when unprocessed keys never clear (→ BusyError). */
  subject?: string;
}

/**
 * Reads any number of keys with BatchGetItem, 100 a call. Keys DynamoDB leaves
 * unprocessed (throttling, 16 MB answers) are asked for again after a growing
 * pause, a bounded number of times; then `BusyError`. Items come back in no
 * particular order; missing keys are simply absent.
 */
export async function batchGetAll(client: DocumentClient, tableName: string, keys: ItemKey[], options: BatchGetOptions = {}): Promise<Item[]> {
  const attempts = options.attempts ?? 5;
  const pause = options.pause ?? ((attempt: number) => jitteredBackoff(attempt, { baseDelayMs: 25, maxDelayMs: 1000 }));
  const items: Item[] = [];
  for (let start = 0; start < keys.length; start += batchGetLimit) {
    let pending = keys.slice(start, start + batchGetLimit);
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > attempts) throw new BusyError(options.subject ?? 'table');
      if (attempt > 1) await pause(attempt - 1);
      const { Responses, UnprocessedKeys } = await client.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ConsistentRead: options.consistentRead,
              ProjectionExpression: options.projection?.expression,
              ExpressionAttributeNames: options.projection?.names,
            },
          },
        }),
      );
      items.push(...(Responses?.[tableName] ?? []));
      pending = (UnprocessedKeys?.[tableName]?.Keys ?? []) as ItemKey[];
    }
  }
  return items;
}
