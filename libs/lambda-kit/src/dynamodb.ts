import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { tableNameVariable } from '@shoplane/manifest';
import { requireEnv } from './config.js';
import { tracedClient } from './tracing.js';

/** One client per container, traced; the endpoint comes from AWS_ENDPOINT_URL_DYNAMODB locally. */
export function createDocumentClient(client = new DynamoDBClient({})): DynamoDBDocumentClient {
  return tracedClient(DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }));
}

export function serviceTableName(service: string, env: NodeJS.ProcessEnv = process.env): string {
  return requireEnv(tableNameVariable(service), env);
}

/** One write of a TransactWriteItems request. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface CancellationReason {
  Code?: string;
}

/** Reasons DynamoDB gives for a cancelled transaction, one per item, in request order. */
export function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if (error && typeof error === 'object' && 'name' in error && error.name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons;
    return reasons ?? [];
  }
  return undefined;
}

export function isConditionalCheckFailure(error: unknown): boolean {
  return !!error && typeof error === 'object' && 'name' in error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Two transactions touching one item at the same moment can cancel each other
 * inside DynamoDB (TransactionConflict); the loser retries after a jittered, growing
 * pause. The policy says how hard to try before answering that the data is busy.
 */
export interface ConflictRetry {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultConflictRetry: ConflictRetry = { attempts: 8, baseDelayMs: 10, maxDelayMs: 400 };

/** True when a write lost a race (and not because one of its conditions failed). */
export function isTransactionConflict(error: unknown): boolean {
  const reasons = cancellationReasons(error);
  if (reasons) {
    return reasons.some((reason) => reason.Code === 'TransactionConflict') && !reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
  }
  return !!error && typeof error === 'object' && 'name' in error && error.name === 'TransactionConflictException';
}

/** Waits a random time up to baseDelayMs × 2^attempt (capped): retries of many callers spread out. */
export function jitteredBackoff(attempt: number, retry: Pick<ConflictRetry, 'baseDelayMs' | 'maxDelayMs'> = defaultConflictRetry): Promise<void> {
  const delay = Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, delay));
}
