import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BusyError } from '@shoplane/contracts';
import { isConditionalCheckFailure, newId, type DocumentClient } from '@shoplane/lambda-kit';
import type { DeliveryOutcome, MessageRequest } from '../domain/notification.js';
import type { Claim, NotificationRepository } from '../domain/ports.js';
import { listNotifications } from './notification-listing.js';
import { itemOfConditionFailure, recordFromItem, setExpression } from './notification-items.js';
import { leaseMilliseconds, notificationKey, userPartition } from './table-layout.js';

type RequestIdentity = Omit<MessageRequest, 'render'>;

/**
 * Takes the request's record when it is new, or when it is neither SENT nor
 * refused for good and no live lease holds it; the lease (a token and an expiry)
 * is what lets exactly one of concurrent deliveries call the provider.
 */
async function claim(client: DocumentClient, tableName: string, request: RequestIdentity, now: Date): Promise<Claim> {
  const leaseToken = randomUUID();
  const update = setExpression(
    { leaseUntil: now.getTime() + leaseMilliseconds, leaseToken, updatedAt: now.toISOString() },
    {
      notificationId: newId('ntf'),
      userId: request.userId,
      channel: request.channel,
      template: request.template,
      orderId: request.orderId,
      eventId: request.eventId,
      createdAt: now.toISOString(),
      attempts: 0,
      status: 'PENDING',
    },
  );
  try {
    const { Attributes = {} } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: notificationKey(request.dedupeKey),
        UpdateExpression: update.expression,
        ConditionExpression:
          'attribute_not_exists(#pk) OR (#status <> :sent AND attribute_not_exists(#permanent) AND (attribute_not_exists(#leaseUntil) OR #leaseUntil < :now))',
        ExpressionAttributeNames: { ...update.names, '#pk': 'PK', '#permanent': 'permanent' },
        ExpressionAttributeValues: { ...update.values, ':sent': 'SENT', ':now': now.getTime() },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { kind: 'claimed', notificationId: String(Attributes['notificationId']), attempts: Number(Attributes['attempts'] ?? 0), leaseToken };
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
    const current = itemOfConditionFailure(error);
    if (current && (current['status'] === 'SENT' || current['permanent'] === true)) return { kind: 'settled', record: recordFromItem(current) };
    // The SDK retried this very claim after its answer was lost (a dropped connection): the lease it meets is its own.
    if (current?.['leaseToken'] === leaseToken) return { kind: 'claimed', notificationId: String(current['notificationId']), attempts: Number(current['attempts'] ?? 0), leaseToken };
    return { kind: 'in-progress' };
  }
}

function outcomeAttributes(outcome: DeliveryOutcome, now: string): Record<string, unknown> {
  if (outcome.status === 'SENT') return { sentAt: now, providerMessageId: outcome.providerMessageId };
  return { failureReason: outcome.failureReason, failureDetail: outcome.failureDetail, ...(outcome.permanent ? { permanent: true } : {}) };
}

/** Writes the outcome and enters the record in the user's listing, if this delivery still holds the lease. */
async function settle(
  client: DocumentClient,
  tableName: string,
  request: RequestIdentity,
  held: Extract<Claim, { kind: 'claimed' }>,
  outcome: DeliveryOutcome,
  now: Date,
) {
  const update = setExpression({
    status: outcome.status,
    attempts: outcome.attempts,
    updatedAt: now.toISOString(),
    subject: outcome.subject,
    GSI1PK: userPartition(request.userId),
    GSI1SK: held.notificationId,
    ...outcomeAttributes(outcome, now.toISOString()),
  });
  const removed = ['leaseUntil', 'leaseToken', ...(outcome.status === 'SENT' ? ['failureReason', 'failureDetail'] : [])];
  try {
    const { Attributes = {} } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: notificationKey(request.dedupeKey),
        UpdateExpression: `${update.expression} REMOVE ${removed.map((attribute) => `#${attribute}`).join(', ')}`,
        ConditionExpression: '#leaseToken = :heldToken',
        ExpressionAttributeNames: { ...update.names, ...Object.fromEntries(removed.map((attribute) => [`#${attribute}`, attribute])) },
        ExpressionAttributeValues: { ...update.values, ':heldToken': held.leaseToken },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return recordFromItem(Attributes);
  } catch (error) {
    // The lease ran out and another delivery took the record over: its outcome is the one that counts.
    if (isConditionalCheckFailure(error)) throw new BusyError('notification', error);
    throw error;
  }
}

export function dynamoNotificationRepository(client: DocumentClient, tableName: string): NotificationRepository {
  return {
    claim: (request, now) => claim(client, tableName, request, now),
    settle: (request, held, outcome, now) => settle(client, tableName, request, held, outcome, now),
    listForUser: (userId, page) => listNotifications(client, tableName, userId, page),
  };
}
