import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { NotificationChannel, NotificationFailureReason, NotificationTemplate } from '@shoplane/contracts';
import type { NotificationRecord, RecordStatus } from '../domain/notification.js';

/**
 * A notification item in the table. Besides the record: the lease of the delivery
 * holding it (`leaseUntil` epoch ms, `leaseToken`), `permanent` once the provider
 * refused it for good, the provider's message id or its own words on failure,
 * and, once settled, the `byUser` index attributes.
 */
export type NotificationItem = Record<string, unknown>;

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function recordFromItem(item: NotificationItem): NotificationRecord {
  const optional = {
    subject: optionalString(item['subject']),
    orderId: optionalString(item['orderId']),
    eventId: optionalString(item['eventId']),
    failureReason: optionalString(item['failureReason']) as NotificationFailureReason | undefined,
    sentAt: optionalString(item['sentAt']),
  };
  return {
    notificationId: String(item['notificationId']),
    userId: String(item['userId']),
    channel: item['channel'] as NotificationChannel,
    template: item['template'] as NotificationTemplate,
    status: item['status'] as RecordStatus,
    attempts: Number(item['attempts'] ?? 0),
    createdAt: String(item['createdAt']),
    updatedAt: String(item['updatedAt']),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

/** The item DynamoDB returned with a failed condition (ReturnValuesOnConditionCheckFailure), still in wire format. */
export function itemOfConditionFailure(error: unknown): NotificationItem | undefined {
  const raw = error && typeof error === 'object' && 'Item' in error ? error.Item : undefined;
  return raw && typeof raw === 'object' ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

/**
 * `SET a = :a, ...` with every attribute name aliased (`status`, `channel` and friends
 * are DynamoDB reserved words). `ifAbsent` attributes keep the value they already have.
 */
export function setExpression(values: Record<string, unknown>, ifAbsent: Record<string, unknown> = {}) {
  const names: Record<string, string> = {};
  const expressionValues: Record<string, unknown> = {};
  const assignments: string[] = [];
  const add = (attribute: string, value: unknown, keep: boolean) => {
    if (value === undefined) return;
    const alias = attribute.replace(/[^A-Za-z0-9]/g, '');
    names[`#${alias}`] = attribute;
    expressionValues[`:${alias}`] = value;
    assignments.push(keep ? `#${alias} = if_not_exists(#${alias}, :${alias})` : `#${alias} = :${alias}`);
  };
  for (const [attribute, value] of Object.entries(ifAbsent)) add(attribute, value, true);
  for (const [attribute, value] of Object.entries(values)) add(attribute, value, false);
  return { expression: `SET ${assignments.join(', ')}`, names, values: expressionValues };
}
