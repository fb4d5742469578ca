import * as z from 'zod/mini';
import { ConfirmedLine, OrderId } from './checkout.js';
import { MoneyTotal } from './money.js';
import { prefixedId, Timestamp, UserId } from './common.js';
import { defineOperation } from './http.js';
import { defineInternalOperation } from './internal.js';

/**
 * Notifications: every message the shop sends a customer (welcome, order
 * confirmation, order failure, and what the checkout saga asks for), each kept
 * as a record the customer can list.
 */
export const NotificationId = prefixedId('ntf', 'Notification id.');

export const NotificationChannel = z.enum(['EMAIL', 'SMS']).register(z.globalRegistry, { id: 'NotificationChannel' });
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const NotificationTemplate = z
  .enum(['welcome', 'order-confirmation', 'order-failure', 'message'])
  .register(z.globalRegistry, { id: 'NotificationTemplate', description: 'What the message is about; `message` is free text from the shop.' });
export type NotificationTemplate = z.infer<typeof NotificationTemplate>;

export const NotificationStatus = z
  .enum(['SENT', 'FAILED'])
  .register(z.globalRegistry, { id: 'NotificationStatus', description: 'FAILED once the provider refused it or kept failing; it may still be sent by a later retry.' });
export type NotificationStatus = z.infer<typeof NotificationStatus>;

/** Why a message was not sent; stable codes (the provider's own words stay in the service's log). */
export const NotificationFailureReason = z
  .enum(['recipient-unknown', 'no-phone-number', 'rejected', 'provider-unavailable'])
  .register(z.globalRegistry, { id: 'NotificationFailureReason' });
export type NotificationFailureReason = z.infer<typeof NotificationFailureReason>;

export const Notification = z
  .object({
    notificationId: NotificationId,
    channel: NotificationChannel,
    template: NotificationTemplate,
    status: NotificationStatus,
    subject: z.optional(z.string().register(z.globalRegistry, { description: 'E-mail subject; absent for SMS.' })),
    orderId: z.optional(OrderId),
    attempts: z.int().check(z.minimum(0)).register(z.globalRegistry, { description: 'Calls made to the provider so far.' }),
    failureReason: z.optional(NotificationFailureReason),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    sentAt: z.optional(Timestamp),
  })
  .register(z.globalRegistry, { id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationPage = z
  .object({
    items: z.array(Notification),
    nextCursor: z.nullable(z.string()).register(z.globalRegistry, { description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .register(z.globalRegistry, { id: 'NotificationPage' });
export type NotificationPage = z.infer<typeof NotificationPage>;

export const ListNotificationsQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});
export type ListNotificationsQuery = z.output<typeof ListNotificationsQuery>;

export const listNotifications = defineOperation({
  operationId: 'listNotifications',
  method: 'get',
  path: '/notifications',
  auth: 'user',
  tags: ['notifications'],
  summary: 'The caller\'s notifications',
  description:
    'Messages sent (or attempted) to the caller, newest first. Page with `limit` (default 20) and the opaque `nextCursor`; a cursor issued to another caller or garbled is a 400.',
  request: { query: ListNotificationsQuery },
  responses: { 200: { description: 'One page of notifications.', schema: NotificationPage } },
  problems: [400, 422],
});

export const notificationOperations = [listNotifications];

const IdempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_.:#-]{1,200}$/, { error: 'must be 1 to 200 letters, digits or _.:#-' }));

/**
 * The checkout saga's SendNotification step. Idempotent on `idempotencyKey`, or,
 * when absent, on `<template>#<orderId>#<type>`, which is also the key of the
 * message notifications sends from the order's own event: the saga asking for
 * an order confirmation e-mail and the OrderConfirmed event give one e-mail.
 * A message that cannot be sent is an answer (`status: FAILED`), never an
 * error: a notification never fails an order.
 */
export const sendNotification = defineInternalOperation({
  service: 'notifications',
  name: 'sendNotification',
  input: z
    .object({
      userId: UserId,
      type: NotificationChannel,
      message: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
      orderId: z.optional(OrderId),
      template: z.optional(NotificationTemplate),
      idempotencyKey: z.optional(IdempotencyKey),
      /** With `order-confirmation`: the confirmed order, so the message lists its lines and total as the OrderConfirmed one does. */
      order: z.optional(z.object({ lines: z.array(ConfirmedLine), total: MoneyTotal })),
    })
    .check(
      z.refine((input) => input.idempotencyKey !== undefined || input.orderId !== undefined, {
        error: 'needs an idempotencyKey, or an orderId to derive it from',
        path: ['idempotencyKey'],
      }),
    ),
  output: z.object({
    notificationId: NotificationId,
    status: NotificationStatus,
    attempts: z.int().check(z.minimum(0)),
    /** True when an earlier request with the same key had already settled the message. */
    duplicate: z.boolean(),
    reason: z.optional(NotificationFailureReason),
  }),
});
