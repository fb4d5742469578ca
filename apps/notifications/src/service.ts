import { listNotifications } from '@shoplane/contracts';
import { defineService } from '@shoplane/manifest';
import { byUserIndex } from './adapters/table-layout.js';

/**
 * Notifications: every message the shop sends a customer. A welcome e-mail on
 * UserRegistered, a confirmation (lines and totals) on OrderConfirmed, a notice on
 * OrderFailed, and what the checkout saga's SendNotification step asks for, by
 * e-mail (SES) or SMS (SNS). Each message is a record the customer can list.
 *
 * Table `notifications` (single table):
 * - `PK=NOTIFICATION#<dedupe key>, SK=NOTIFICATION`  one message: `notificationId` (ntf_…),
 *   userId, channel, template, status PENDING → SENT | FAILED, attempts, subject, orderId,
 *   eventId, timestamps; while a delivery holds it, a lease (`leaseUntil`, `leaseToken`).
 *   The dedupe key names the fact (`order-confirmation#<orderId>#EMAIL`,
 *   `welcome#<userId>#EMAIL`, `request#<caller's key>`), so the conditional write that
 *   creates the item is what makes a message go out once.
 * - `PK=RECIPIENT#<userId>, SK=RECIPIENT`  where a user's messages go (email, name,
 *   phone), learned from UserRegistered; the users table is never read.
 *
 * `byUser` GSI1PK=`USER#<userId>`, GSI1SK=`<notificationId>`: a user's settled
 * notifications, newest first (ids are ULIDs). Records get the attributes when a
 * delivery settles them, so one being sent right now is not listed yet.
 */
export const service = defineService({
  name: 'notifications',
  table: {
    partitionKey: { name: 'PK', type: 'S' },
    sortKey: { name: 'SK', type: 'S' },
    globalIndexes: [byUserIndex],
  },
  routes: [
    { operation: listNotifications, handler: 'list-notifications', tableAccess: 'read' },
  ],
  subscriptions: [
    // The sending functions (sendingHandlers) get ses:SendEmail and sns:Publish in stack.ts.
    { eventTypes: ['UserRegistered'], handler: 'on-user-registered' },
    { eventTypes: ['OrderConfirmed', 'OrderFailed'], handler: 'on-order-outcome' },
  ],
  internalOperations: [
    { name: 'sendNotification', handler: 'send-notification' },
  ],
});

/** The handlers that send messages: the only ones given SES and SNS permissions. */
export const sendingHandlers = ['on-user-registered', 'on-order-outcome', 'send-notification'] as const;
