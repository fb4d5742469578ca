import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { createDocumentClient, createLogger, jitteredBackoff, metricsOf, once, serviceTableName, tracedClient } from '@shoplane/lambda-kit';
import type { DeliveryRetry } from '../domain/ports.js';
import type { NotificationDependencies } from '../domain/notifications.js';
import { localSenderAddress, messagingVariables } from '../settings.js';
import { countingFailures } from './failure-metrics.js';
import { dynamoNotificationRepository } from './notification-repository.js';
import { dynamoRecipientDirectory } from './recipient-directory.js';
import { sesEmailChannel } from './ses-email-channel.js';
import { snsSmsChannel } from './sns-sms-channel.js';

export const logger = createLogger('notifications');
/** NotificationsFailed (MessagesDeadLettered comes from the subscriptions). */
export const metrics = metricsOf(logger);
const documentClient = createDocumentClient();

// The delivery's own retries (below) are the only ones, so every provider call counts in `attempts`;
// the timeouts keep three tries well inside the function's 10 seconds.
const providerClientSettings = { maxAttempts: 1, requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 } };
const ses = tracedClient(new SESv2Client(providerClientSettings));
const sns = tracedClient(new SNSClient(providerClientSettings));

/** Three tries a delivery, up to 200 ms and then up to 400 ms apart (jittered); the queue's redelivery adds more later. */
export const deliveryRetry: DeliveryRetry = {
  attempts: 3,
  pause: (attempt) => jitteredBackoff(attempt, { baseDelayMs: 100, maxDelayMs: 1_000 }),
};

const optional = (name: string) => process.env[name]?.trim() || undefined;

/** Wired once per container, on first use, from the environment the stack provides. */
export const notificationDependencies = once((): NotificationDependencies => {
  const tableName = serviceTableName('notifications');
  const configurationSetName = optional(messagingVariables.configurationSet);
  const senderId = optional(messagingVariables.smsSenderId);
  return {
    notifications: countingFailures(dynamoNotificationRepository(documentClient, tableName), metrics),
    recipients: dynamoRecipientDirectory(documentClient, tableName),
    email: sesEmailChannel(ses, {
      senderAddress: optional(messagingVariables.senderAddress) ?? localSenderAddress,
      ...(configurationSetName ? { configurationSetName } : {}),
    }),
    sms: snsSmsChannel(sns, senderId ? { senderId } : {}),
    retry: deliveryRetry,
  };
});
