import { GetCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  failedConditions,
  isConditionalCheckFailure,
  outboxPut,
  transactWrite,
  type CancellationReason,
  type DocumentClient,
  type TransactItem,
} from '@shoplane/lambda-kit';
import { IllegalTransitionError } from '../domain/errors.js';
import { canMove } from '../domain/payment.js';
import type { PaymentRepository, PaymentTransition } from '../domain/ports.js';
import { paymentItem, paymentKey, toPayment, voidKey } from './payment-items.js';

/** A transaction refused for a failed condition, with the flags of the items whose condition failed. */
class Refused extends Error {
  constructor(readonly failed: boolean[]) {
    super('condition failed');
  }
}

const refusedBy = (itemCount: number) => (reasons: CancellationReason[]) => new Refused(failedConditions(reasons, itemCount));

/** Runs a transaction; answers which conditions failed, or undefined when it committed. */
async function transactOrRefused(client: DocumentClient, items: TransactItem[]): Promise<boolean[] | undefined> {
  try {
    await transactWrite(client, items, { subject: 'payment', refusal: refusedBy(items.length) });
    return undefined;
  } catch (error) {
    if (error instanceof Refused) return error.failed;
    throw error;
  }
}

/** Runs one conditional update; false when its condition failed. */
async function updateIf(client: DocumentClient, update: UpdateCommandInput): Promise<boolean> {
  try {
    await client.send(new UpdateCommand(update));
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** Moves a payment with one conditional update of its item plus its events' outbox rows, in one transaction. */
function transitionItems(tableName: string, transition: PaymentTransition): TransactItem[] {
  const { payment, to, at, changes = {}, attempt, unleasedAt } = transition;
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':from': payment.status, ':to': to, ':at': at.toISOString() };
  const sets = ['#status = :to', 'updatedAt = :at'];
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  if (attempt) {
    values[':attempt'] = [attempt];
    sets.push('attempts = list_append(attempts, :attempt)');
  }
  // A cancelled or refunded payment has no Task left to tell.
  const removes = ['leaseExpiresAt', ...(to === 'CANCELLED' || to === 'REFUNDED' ? ['taskToken'] : [])];
  let condition = '#status = :from';
  if (unleasedAt) {
    values[':now'] = unleasedAt.toISOString();
    condition += ' AND (attribute_not_exists(leaseExpiresAt) OR leaseExpiresAt < :now)';
  }
  return [
    {
      Update: {
        TableName: tableName,
        Key: paymentKey(payment.orderId),
        UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    ...transition.events.map((event) => outboxPut(tableName, event, at)),
  ];
}

export function dynamoPaymentRepository(client: DocumentClient, tableName: string): PaymentRepository {
  const read = async (key: Record<string, string>) => (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
  const onPayment = (orderId: string, update: Omit<UpdateCommandInput, 'TableName' | 'Key'>) => updateIf(client, { TableName: tableName, Key: paymentKey(orderId), ...update });
  const paymentAbsent = (orderId: string): TransactItem => ({ ConditionCheck: { TableName: tableName, Key: paymentKey(orderId), ConditionExpression: 'attribute_not_exists(PK)' } });
  const notVoided = (orderId: string): TransactItem => ({ ConditionCheck: { TableName: tableName, Key: voidKey(orderId), ConditionExpression: 'attribute_not_exists(PK)' } });

  return {
    async find(orderId) {
      return toPayment(await read(paymentKey(orderId)));
    },

    async claim(payment, taskToken) {
      const refused = await transactOrRefused(client, [
        notVoided(payment.orderId),
        { Put: { TableName: tableName, Item: paymentItem(payment, taskToken), ConditionExpression: 'attribute_not_exists(PK)' } },
      ]);
      if (!refused) return { kind: 'claimed', payment };
      if (refused[0]) return { kind: 'voided', paymentId: String((await read(voidKey(payment.orderId)))?.['paymentId']) };
      const existing = toPayment(await read(paymentKey(payment.orderId)));
      if (!existing) throw new Error(`payment of ${payment.orderId} refused as existing but cannot be read`);
      return { kind: 'exists', payment: existing };
    },

    takeLease: (orderId, now, until) =>
      onPayment(orderId, {
        UpdateExpression: 'SET leaseExpiresAt = :until',
        ConditionExpression: '#status = :processing AND (attribute_not_exists(leaseExpiresAt) OR leaseExpiresAt < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':until': until.toISOString(), ':now': now.toISOString(), ':processing': 'PROCESSING' },
      }),

    awaitWith: (orderId, taskToken) =>
      onPayment(orderId, {
        UpdateExpression: 'SET taskToken = :token',
        ConditionExpression: '#status IN (:processing, :pending)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':token': taskToken, ':processing': 'PROCESSING', ':pending': 'PENDING' },
      }),

    async recordUnreachable(orderId, attempt) {
      await onPayment(orderId, {
        UpdateExpression: 'SET attempts = list_append(attempts, :attempt), updatedAt = :at REMOVE leaseExpiresAt',
        ConditionExpression: '#status = :processing',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':attempt': [attempt], ':at': attempt.at, ':processing': 'PROCESSING' },
      });
    },

    async transition(transition) {
      if (!canMove(transition.payment.status, transition.to)) throw new IllegalTransitionError(transition.payment.status, transition.to);
      const refused = await transactOrRefused(client, transitionItems(tableName, transition));
      if (!refused) return 'moved';
      if (refused[0]) return 'stale';
      throw new Error(`outbox row of payment ${transition.payment.paymentId} already exists`);
    },

    async takeTaskToken(orderId) {
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: paymentKey(orderId),
            UpdateExpression: 'REMOVE taskToken',
            ConditionExpression: 'attribute_exists(taskToken)',
            ReturnValues: 'UPDATED_OLD',
          }),
        );
        const token = Attributes?.['taskToken'];
        return typeof token === 'string' ? token : undefined;
      } catch (error) {
        if (isConditionalCheckFailure(error)) return undefined;
        throw error;
      }
    },

    async restoreTaskToken(orderId, taskToken) {
      await onPayment(orderId, {
        UpdateExpression: 'SET taskToken = :token',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(taskToken)',
        ExpressionAttributeValues: { ':token': taskToken },
      });
    },

    async voidOrder(orderId, paymentId, at) {
      const refused = await transactOrRefused(client, [
        paymentAbsent(orderId),
        { Put: { TableName: tableName, Item: { ...voidKey(orderId), orderId, paymentId, voidedAt: at.toISOString() }, ConditionExpression: 'attribute_not_exists(PK)' } },
      ]);
      return !refused?.[0];
    },
  };
}
