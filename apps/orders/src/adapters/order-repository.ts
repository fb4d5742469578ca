import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '@shoplane/contracts';
import { failedConditions, outboxPut, outboxTimeToLiveAttribute, transactWrite, type DocumentClient, type TransactItem } from '@shoplane/lambda-kit';
import type { StoredOrder } from '../domain/order.js';
import { statusesLeadingTo } from '../domain/order-status.js';
import type { OrderRepository, OrderRequestKey } from '../domain/ports.js';
import { listOrdersOfUser } from './order-listing.js';
import { dueForSweep, sweepRecord } from './order-sweeps.js';
import { itemFromOrder, orderFromItem, orderKey, requestKeyOf, sweepPartition } from './table-layout.js';

/** As long as the Idempotency-Key records: a key is one order for a day. */
const requestKeyRetentionSeconds = 24 * 3600;

/** Marks a cancelled create whose request key already named an order. */
class RequestKeyTaken extends Error {}

/** Marks a cancelled move: another step changed the status first. */
class StatusMovedOn extends Error {}

function requestKeyClaim(tableName: string, order: StoredOrder, requestKey: OrderRequestKey): TransactItem {
  const createdAt = Math.floor(Date.parse(order.createdAt) / 1000);
  return {
    Put: {
      TableName: tableName,
      Item: { ...requestKeyOf(requestKey.userId, requestKey.idempotencyKey), orderId: order.orderId, [outboxTimeToLiveAttribute]: createdAt + requestKeyRetentionSeconds },
      // TTL deletion is lazy: an expired claim counts as absent.
      ConditionExpression: 'attribute_not_exists(PK) OR #expires < :now',
      ExpressionAttributeNames: { '#expires': outboxTimeToLiveAttribute },
      ExpressionAttributeValues: { ':now': createdAt },
    },
  };
}

/** The move as one UpdateItem: the new status and its moment, what the step brought, conditioned on `transitions`. */
function moveUpdate(tableName: string, previous: StoredOrder, next: StoredOrder): TransactItem {
  const from = statusesLeadingTo(next.status);
  const change = next.statusHistory.at(-1);
  if (from.length === 0 || !change) throw new Error(`No transition leads to ${next.status}`);
  const set = ['#status = :to', 'statusHistory = list_append(statusHistory, :change)', 'updatedAt = :at'];
  const values: Record<string, unknown> = { ':to': next.status, ':change': [change], ':at': next.updatedAt };
  from.forEach((status, index) => (values[`:from${index}`] = status));
  if (next.payment.paymentId !== previous.payment.paymentId) {
    set.push('paymentId = :paymentId');
    values[':paymentId'] = next.payment.paymentId;
  }
  if (next.failure) {
    set.push('failureReason = :reason');
    values[':reason'] = next.failure.reason;
    if (next.failure.detail !== undefined) {
      set.push('failureDetail = :detail');
      values[':detail'] = next.failure.detail;
    }
  }
  const remove = [...(next.payment.token === undefined ? ['paymentToken'] : []), ...(next.sweepDueAt ? [] : ['GSI2PK', 'GSI2SK'])];
  if (next.sweepDueAt) {
    set.push('GSI2PK = :sweep', 'GSI2SK = :due');
    values[':sweep'] = sweepPartition;
    values[':due'] = next.sweepDueAt;
  }
  return {
    Update: {
      TableName: tableName,
      Key: orderKey(next.orderId),
      UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: `#status IN (${from.map((_, index) => `:from${index}`).join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * Writes the order's conditional item (first) with its events in one transaction: false,
 * writing nothing, when that condition failed because the order moved on meanwhile.
 */
async function writeUnlessMovedOn(client: DocumentClient, items: TransactItem[]): Promise<boolean> {
  try {
    await transactWrite(client, items, { subject: 'order', refusal: (reasons) => (failedConditions(reasons, items.length)[0] ? new StatusMovedOn() : undefined) });
    return true;
  } catch (error) {
    if (error instanceof StatusMovedOn) return false;
    throw error;
  }
}

export function dynamoOrderRepository(client: DocumentClient, tableName: string): OrderRepository {
  const outbox = (events: DomainEvent[]) => events.map((event) => outboxPut(tableName, event));

  return {
    async create(order, events, requestKey) {
      const items: TransactItem[] = [
        { Put: { TableName: tableName, Item: itemFromOrder(order), ConditionExpression: 'attribute_not_exists(PK)' } },
        ...outbox(events),
        ...(requestKey ? [requestKeyClaim(tableName, order, requestKey)] : []),
      ];
      try {
        await transactWrite(client, items, {
          subject: 'order',
          refusal: (reasons) => (requestKey && failedConditions(reasons, items.length).at(-1) ? new RequestKeyTaken() : undefined),
        });
        return { kind: 'created' };
      } catch (error) {
        if (!(error instanceof RequestKeyTaken) || !requestKey) throw error;
      }
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: requestKeyOf(requestKey.userId, requestKey.idempotencyKey), ConsistentRead: true }),
      );
      const orderId = Item?.['orderId'];
      if (typeof orderId !== 'string') throw new Error('An order request key was claimed but names no order');
      return { kind: 'exists', orderId };
    },

    async find(orderId) {
      // Strongly consistent: a step decides on this read and then writes conditionally on it.
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: orderKey(orderId), ConsistentRead: true }));
      return Item ? orderFromItem(Item) : undefined;
    },

    listByUser: (userId, limit, cursor) => listOrdersOfUser(client, tableName, userId, limit, cursor),

    dueForSweep: (now, limit) => dueForSweep(client, tableName, now, limit),

    recordSweep: (order, nextDueAt, events) => writeUnlessMovedOn(client, [sweepRecord(tableName, order, nextDueAt), ...outbox(events)]),

    move: (previous, next, events) => writeUnlessMovedOn(client, [moveUpdate(tableName, previous, next), ...outbox(events)]),
  };
}
