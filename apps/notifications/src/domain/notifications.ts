import type {
  DomainEvent,
  InternalInput,
  InternalOutput,
  ListNotificationsQuery,
  Notification,
  NotificationPage,
  sendNotification,
} from '@shoplane/contracts';
import { deliver, type Delivery, type DeliveryDependencies } from './delivery.js';
import { NotificationNotSentError } from './errors.js';
import { dedupeKeyOf, type MessageRequest, type NotificationRecord } from './notification.js';
import { orderConfirmationEmail, orderFailureEmail, requestedMessage, welcomeEmail } from './templates.js';

export type NotificationDependencies = DeliveryDependencies;

export const defaultPageSize = 20;

/** An event's message must go out: anything short of SENT goes back to the queue, to be retried or dead-lettered. */
async function deliverForEvent(deps: NotificationDependencies, request: MessageRequest): Promise<Delivery> {
  const delivery = await deliver(deps, request);
  const { record } = delivery;
  if (record.status !== 'SENT') throw new NotificationNotSentError(record.notificationId, record.failureReason, record.attempts);
  return delivery;
}

/** Learns where the new customer's messages go, then welcomes them. */
export async function welcomeUser(deps: NotificationDependencies, event: DomainEvent<'UserRegistered'>): Promise<Delivery> {
  const { userId, email, name } = event.data;
  await deps.recipients.save({ userId, email, name });
  return deliverForEvent(deps, {
    dedupeKey: dedupeKeyOf('welcome', userId, 'EMAIL'),
    userId,
    channel: 'EMAIL',
    template: 'welcome',
    eventId: event.eventId,
    render: welcomeEmail,
  });
}

export function confirmOrder(deps: NotificationDependencies, event: DomainEvent<'OrderConfirmed'>): Promise<Delivery> {
  const order = event.data;
  return deliverForEvent(deps, {
    dedupeKey: dedupeKeyOf('order-confirmation', order.orderId, 'EMAIL'),
    userId: order.userId,
    channel: 'EMAIL',
    template: 'order-confirmation',
    orderId: order.orderId,
    eventId: event.eventId,
    render: (recipient) => orderConfirmationEmail(recipient, order),
  });
}

export function reportOrderFailure(deps: NotificationDependencies, event: DomainEvent<'OrderFailed'>): Promise<Delivery> {
  const failure = event.data;
  return deliverForEvent(deps, {
    dedupeKey: dedupeKeyOf('order-failure', failure.orderId, 'EMAIL'),
    userId: failure.userId,
    channel: 'EMAIL',
    template: 'order-failure',
    orderId: failure.orderId,
    eventId: event.eventId,
    render: (recipient) => orderFailureEmail(recipient, failure),
  });
}

type SendRequest = InternalInput<typeof sendNotification>;

/** The caller's key, or the one the order's own event uses for the same template and channel. */
export function requestKeyOf(request: SendRequest): string {
  const template = request.template ?? 'message';
  if (request.idempotencyKey !== undefined) return `request#${request.idempotencyKey}`;
  return dedupeKeyOf(template, request.orderId ?? request.userId, request.type);
}

/**
 * The checkout saga's SendNotification: sent at most once per key, and answered
 * with the outcome, FAILED included. A notification never fails an order.
 */
export async function sendRequested(deps: NotificationDependencies, request: SendRequest): Promise<InternalOutput<typeof sendNotification>> {
  const template = request.template ?? 'message';
  const { record, duplicate } = await deliver(deps, {
    dedupeKey: requestKeyOf(request),
    userId: request.userId,
    channel: request.type,
    template,
    ...(request.orderId === undefined ? {} : { orderId: request.orderId }),
    render: (recipient) =>
      // The same message as OrderConfirmed's when the saga says what was confirmed (whichever comes first is the one sent).
      template === 'order-confirmation' && request.order && request.orderId && request.type === 'EMAIL'
        ? orderConfirmationEmail(recipient, { orderId: request.orderId, userId: request.userId, ...request.order })
        : requestedMessage(recipient, { channel: request.type, template, message: request.message, orderId: request.orderId }),
  });
  return {
    notificationId: record.notificationId,
    status: record.status === 'SENT' ? 'SENT' : 'FAILED',
    attempts: record.attempts,
    duplicate,
    ...(record.failureReason === undefined ? {} : { reason: record.failureReason }),
  };
}

/** The API's view of a record: nothing about providers, leases or events. */
export function toNotification(record: NotificationRecord): Notification {
  return {
    notificationId: record.notificationId,
    channel: record.channel,
    template: record.template,
    status: record.status === 'SENT' ? 'SENT' : 'FAILED',
    attempts: record.attempts,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.subject === undefined ? {} : { subject: record.subject }),
    ...(record.orderId === undefined ? {} : { orderId: record.orderId }),
    ...(record.failureReason === undefined ? {} : { failureReason: record.failureReason }),
    ...(record.sentAt === undefined ? {} : { sentAt: record.sentAt }),
  };
}

/** The caller's notifications, newest first; only settled ones are listed. */
export async function notificationsOf(deps: Pick<NotificationDependencies, 'notifications'>, userId: string, query: ListNotificationsQuery): Promise<NotificationPage> {
  const page = await deps.notifications.listForUser(userId, { limit: query.limit ?? defaultPageSize, ...(query.cursor === undefined ? {} : { cursor: query.cursor }) });
  return { items: page.items.map(toNotification), nextCursor: page.nextCursor };
}
