import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { outboxTimeToLiveAttribute } from '@shoplane/manifest';
import { createHash } from 'node:crypto';
import { isConditionalCheckFailure } from './dynamodb.js';
import { ConflictError, HttpError } from './errors.js';

/**
 * Idempotency-Key support for writes a client may retry. The first request with a
 * key runs and its answer is stored (24 h) in the service's own table; a retry with
 * the same key and body gets the stored answer; the same key with another body is
 * a 422. Written here rather than with Powertools' idempotency utility because that
 * keeps every record of a function in one partition of a PK/SK table; these records
 * are one partition per key, beside the data they protect.
 */
export interface StoredResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type IdempotencyStart = { state: 'new' } | { state: 'replay'; response: StoredResponse };

export interface IdempotencyStore {
  start(key: string, fingerprint: string): Promise<IdempotencyStart>;
  complete(key: string, response: StoredResponse): Promise<void>;
  /** Forgets a key whose request failed, so the client's retry runs again. */
  abandon(key: string): Promise<void>;
}

const retentionSeconds = 24 * 3600;
/** A request still running after this long is presumed dead and may be retried. */
const inProgressSeconds = 60;

export class IdempotencyKeyReusedError extends HttpError {
  constructor() {
    super(422, 'idempotency-key-reused', { detail: 'This Idempotency-Key was used with a different request body.' });
  }
}

export class RequestInProgressError extends ConflictError {
  constructor() {
    super('A request with this Idempotency-Key is still in progress; retry shortly.', 'request-in-progress', { headers: { 'retry-after': '1' } });
  }
}

/** JSON with object keys in a fixed order, so equal values always serialize alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests the same request: the validated input, however its JSON was formatted. */
export function requestFingerprint(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('base64url');
}

/**
 * Where a stored answer belongs: one operation, one caller and one resource (its
 * path parameters). The same key sent by another user, or for another product,
 * is another request and never replays this one's answer.
 */
export function idempotencyScope(scope: { operationId: string; callerId?: string; params?: unknown; key: string }): string {
  const resource = createHash('sha256').update(canonicalJson(scope.params ?? {})).digest('base64url').slice(0, 22);
  return `${scope.operationId}#${scope.callerId ?? 'anonymous'}#${resource}#${scope.key}`;
}

export function dynamoIdempotencyStore(client: DynamoDBDocumentClient, tableName: string, clock: () => Date = () => new Date()): IdempotencyStore {
  const keyOf = (key: string) => ({ PK: `IDEMPOTENCY#${key}`, SK: 'IDEMPOTENCY' });
  const nowSeconds = () => Math.floor(clock().getTime() / 1000);

  return {
    async start(key, fingerprint) {
      const now = nowSeconds();
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keyOf(key), state: 'IN_PROGRESS', fingerprint, lockedUntil: now + inProgressSeconds, [outboxTimeToLiveAttribute]: now + retentionSeconds },
            // TTL deletion is lazy: an expired record counts as absent.
            ConditionExpression: 'attribute_not_exists(PK) OR #expires < :now OR (#state = :inProgress AND lockedUntil < :now AND fingerprint = :fingerprint)',
            ExpressionAttributeNames: { '#expires': outboxTimeToLiveAttribute, '#state': 'state' },
            ExpressionAttributeValues: { ':now': now, ':inProgress': 'IN_PROGRESS', ':fingerprint': fingerprint },
          }),
        );
        return { state: 'new' };
      } catch (error) {
        if (!isConditionalCheckFailure(error)) throw error;
      }
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keyOf(key), ConsistentRead: true }));
      if (Item?.['fingerprint'] !== fingerprint) throw new IdempotencyKeyReusedError();
      if (Item['state'] !== 'COMPLETED') throw new RequestInProgressError();
      return { state: 'replay', response: Item['response'] as StoredResponse };
    },

    async complete(key, response) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(key),
          UpdateExpression: 'SET #state = :completed, #response = :response',
          ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
          ExpressionAttributeValues: { ':completed': 'COMPLETED', ':response': response },
        }),
      );
    },

    async abandon(key) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: keyOf(key) }));
    },
  };
}
