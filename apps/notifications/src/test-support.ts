import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { listNotifications, type DomainEvent, type EventData, type OrderFailureReason } from '@shoplane/contracts';
import { createTokenSigner, createTokenVerifier, newId, toEnvelope, type Caller } from '@shoplane/lambda-kit';
import {
  apiEvent,
  createTestTable,
  generateTestKeys,
  invoke,
  localStoreEndpoint,
  startLocalAwsEndpoint,
  subscriptionBatch,
  testTokenSettings,
} from '@shoplane/testing';
import { metrics } from './adapters/dependencies.js';
import { countingFailures } from './adapters/failure-metrics.js';
import { dynamoNotificationRepository } from './adapters/notification-repository.js';
import { dynamoRecipientDirectory } from './adapters/recipient-directory.js';
import { sesEmailChannel } from './adapters/ses-email-channel.js';
import { snsSmsChannel } from './adapters/sns-sms-channel.js';
import type { Recipient } from './domain/notification.js';
import type { NotificationDependencies } from './domain/notifications.js';
import { listNotificationsHandler } from './handlers/list-notifications.js';
import { onOrderOutcomeHandler } from './handlers/on-order-outcome.js';
import { onUserRegisteredHandler } from './handlers/on-user-registered.js';
import { sendNotificationHandler } from './handlers/send-notification.js';
import { service } from './service.js';

export const testSender = 'Shoplane <no-reply@shoplane.test>';

/**
 * Notifications wired to a fresh table in DynamoDB Local and to the local AWS
 * endpoint, whose outbox receives what the real SES and SNS adapters send.
 * Retry pauses are recorded, never waited for.
 */
export async function notificationsTestbed() {
  const table = await createTestTable(localStoreEndpoint(), service);
  const aws = await startLocalAwsEndpoint();
  const keys = generateTestKeys();
  const signer = createTokenSigner(keys, testTokenSettings);
  const pauses: number[] = [];
  const deps = (): NotificationDependencies => ({
    notifications: countingFailures(dynamoNotificationRepository(table.documents, table.name), metrics),
    recipients: dynamoRecipientDirectory(table.documents, table.name),
    email: sesEmailChannel(new SESv2Client(aws.clientConfig), { senderAddress: testSender }),
    sms: snsSmsChannel(new SNSClient(aws.clientConfig)),
    retry: { attempts: 3, pause: async (attempt) => void pauses.push(attempt) },
  });
  const list = listNotificationsHandler(deps, () => createTokenVerifier(keys, testTokenSettings));
  return {
    table,
    outbox: aws.outbox,
    pauses,
    deps,
    handlers: {
      onUserRegistered: onUserRegisteredHandler(deps),
      onOrderOutcome: onOrderOutcomeHandler(deps),
      sendNotification: sendNotificationHandler(deps),
    },
    /** GET /notifications as API Gateway calls it; no caller means no token. */
    async listAs(caller: Caller | undefined, query: Record<string, string> = {}) {
      const token = caller ? (await signer.sign(caller)).token : undefined;
      return invoke(list, apiEvent(listNotifications, { token, query }));
    },
    /** E-mails the outbox holds for one address, oldest first. */
    emailsTo: (address: string) => aws.outbox.emails.filter((email) => email.to.includes(address)),
    smsTo: (phoneNumber: string) => aws.outbox.sms.filter((sms) => sms.phoneNumber === phoneNumber),
    /** Every notification item of a user, whatever its status (a test may Scan; the service never does). */
    async itemsOf(userId: string): Promise<Record<string, unknown>[]> {
      const { Items = [] } = await table.documents.send(
        new ScanCommand({ TableName: table.name, ConsistentRead: true, FilterExpression: 'userId = :userId AND SK = :sk', ExpressionAttributeValues: { ':userId': userId, ':sk': 'NOTIFICATION' } }),
      );
      return Items;
    },
    close: () => aws.close(),
  };
}

export type NotificationsTestbed = Awaited<ReturnType<typeof notificationsTestbed>>;

/** A new customer with a unique address, so tests never read each other's mail. */
export function newRecipient(overrides: Partial<Recipient> = {}): Recipient {
  const userId = newId('usr');
  return { userId, email: `${userId.slice(-10).toLowerCase()}@example.com`, name: 'Ada Lovelace', ...overrides };
}

export function userRegistered(recipient: Recipient): DomainEvent<'UserRegistered'> {
  return toEnvelope('users', { eventType: 'UserRegistered', correlationId: 'test', data: { userId: recipient.userId, email: recipient.email, name: recipient.name, role: 'customer' } });
}

type ConfirmedOrder = EventData<'OrderConfirmed'>;

export function orderConfirmed(userId: string, overrides: Partial<ConfirmedOrder> = {}): DomainEvent<'OrderConfirmed'> {
  const mug = { productId: newId('prd'), name: 'Enamel mug', unitPrice: { amount: 1299, currency: 'USD' as const }, quantity: 2, lineTotal: { amount: 2598, currency: 'USD' as const } };
  const kettle = { productId: newId('prd'), name: 'Stovetop kettle', unitPrice: { amount: 3499, currency: 'USD' as const }, quantity: 1, lineTotal: { amount: 3499, currency: 'USD' as const } };
  const data: ConfirmedOrder = { orderId: newId('ord'), userId, paymentId: newId('pay'), lines: [mug, kettle], total: { amount: 6097, currency: 'USD' }, ...overrides };
  return toEnvelope('orders', { eventType: 'OrderConfirmed', correlationId: 'test', data });
}

export function orderFailed(userId: string, reason: OrderFailureReason = 'payment-declined'): DomainEvent<'OrderFailed'> {
  return toEnvelope('orders', { eventType: 'OrderFailed', correlationId: 'test', data: { orderId: newId('ord'), userId, reason, detail: 'card_declined (provider decline code)' } });
}

/** Registers the recipient the way production learns of them: through their UserRegistered event. */
export async function registered(bed: NotificationsTestbed, overrides: Partial<Recipient> = {}): Promise<Recipient> {
  const recipient = newRecipient(overrides);
  const response = await bed.handlers.onUserRegistered(subscriptionBatch(userRegistered(recipient)));
  if (response.batchItemFailures.length > 0) throw new Error('the welcome e-mail of a test recipient failed');
  return recipient;
}
