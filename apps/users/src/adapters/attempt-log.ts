import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailure, outboxTimeToLiveAttribute, type DocumentClient } from '@shoplane/lambda-kit';
import { createHash } from 'node:crypto';
import type { AttemptDecision, AttemptLog } from '../domain/ports.js';
import { freeSlots, retryAfterSeconds, type ThrottleKey } from '../domain/throttle.js';

/**
 * Each throttle key is one partition of the users table, `PK=THROTTLE#<scope>#<hash>`,
 * with one item per slot, `SK=SLOT#<i>`, holding when its attempt leaves the window
 * (`freesAt`, ms) and expiring by TTL at that moment. The subject is hashed: the table
 * keeps no email address or IP of a throttle in the clear.
 */
const partitionOf = (key: ThrottleKey) => `THROTTLE#${key.policy.scope}#${createHash('sha256').update(key.subject).digest('base64url')}`;
const slotKey = (index: number) => `SLOT#${String(index).padStart(3, '0')}`;

/** What a losing write's ReturnValuesOnConditionCheckFailure says the winner's slot holds. */
function freesAtInRefusal(error: unknown): number | undefined {
  const item = typeof error === 'object' && error !== null && 'Item' in error ? error.Item : undefined;
  const freesAt = typeof item === 'object' && item !== null && 'freesAt' in item ? item.freesAt : undefined;
  const number = typeof freesAt === 'object' && freesAt !== null && 'N' in freesAt ? Number(freesAt.N) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

export function dynamoAttemptLog(client: DocumentClient, tableName: string, random: () => number = Math.random): AttemptLog {
  async function readSlots(partition: string): Promise<Map<number, number>> {
    // A policy has a few dozen slots at most: one page.
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :partition AND begins_with(SK, :slot)',
        ExpressionAttributeValues: { ':partition': partition, ':slot': 'SLOT#' },
        ConsistentRead: true,
      }),
    );
    return new Map(Items.map((item) => [Number(item['slot']), Number(item['freesAt'])]));
  }

  /**
   * Takes the slot if it is still free: the condition is what keeps concurrent attempts
   * within the limit. A lost race answers when the winner's attempt frees the slot.
   */
  async function claim(partition: string, index: number, freesAt: number, nowMs: number): Promise<{ claimed: true } | { claimed: false; freesAt?: number }> {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { PK: partition, SK: slotKey(index), slot: index, freesAt, [outboxTimeToLiveAttribute]: Math.ceil(freesAt / 1000) },
          ConditionExpression: 'attribute_not_exists(PK) OR freesAt <= :now',
          ExpressionAttributeValues: { ':now': nowMs },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { claimed: true };
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
      return { claimed: false, freesAt: freesAtInRefusal(error) };
    }
  }

  async function release(partition: string, index: number, freesAt: number): Promise<void> {
    try {
      await client.send(
        new DeleteCommand({
          TableName: tableName,
          Key: { PK: partition, SK: slotKey(index) },
          // Only our own attempt: once it has left the window, the slot may be someone else's.
          ConditionExpression: 'freesAt = :ours',
          ExpressionAttributeValues: { ':ours': freesAt },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
    }
  }

  return {
    async record(key, now): Promise<AttemptDecision> {
      const partition = partitionOf(key);
      const nowMs = now.getTime();
      const freesAt = nowMs + key.policy.windowMs;
      const slots = await readSlots(partition);
      const free = freeSlots(key.policy, slots, nowMs);
      // Concurrent attempts start at different free slots, so fewer of them collide.
      const start = Math.floor(random() * free.length);
      for (const index of [...free.slice(start), ...free.slice(0, start)]) {
        const outcome = await claim(partition, index, freesAt, nowMs);
        if (outcome.claimed) return { admitted: true, forget: () => release(partition, index, freesAt) };
        // Another attempt took it just now: it is busy for (about) a whole window.
        slots.set(index, outcome.freesAt ?? freesAt);
      }
      return { admitted: false, retryAfterSeconds: retryAfterSeconds(key.policy, slots, nowMs) };
    },
  };
}
