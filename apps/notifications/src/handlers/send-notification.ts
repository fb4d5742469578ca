import { sendNotification } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { logger, notificationDependencies } from '../adapters/dependencies.js';
import { sendRequested, type NotificationDependencies } from '../domain/notifications.js';
import { problems } from '../problems.js';

/**
 * The checkout saga's SendNotification step. It answers how the message went,
 * FAILED included, so a notification can never fail a paid order; only "another
 * delivery of the same request is running" (503) asks the caller to retry.
 */
export function sendNotificationHandler(deps: () => NotificationDependencies) {
  return internalHandler(sendNotification, { logger, problems }, async (input) => {
    const result = await sendRequested(deps(), input);
    const log = result.status === 'SENT' ? logger.info.bind(logger) : logger.warn.bind(logger);
    log('notification requested', { notificationId: result.notificationId, status: result.status, reason: result.reason, duplicate: result.duplicate, orderId: input.orderId });
    return result;
  });
}

export const handler = sendNotificationHandler(notificationDependencies);
