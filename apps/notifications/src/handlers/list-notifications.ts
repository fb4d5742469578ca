import { listNotifications } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { logger, notificationDependencies } from '../adapters/dependencies.js';
import { notificationsOf, type NotificationDependencies } from '../domain/notifications.js';
import { problems } from '../problems.js';

/** GET /notifications: the caller's own notifications (the token says whose), newest first. */
export function listNotificationsHandler(deps: () => Pick<NotificationDependencies, 'notifications'>, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(listNotifications, { logger, problems, verifier }, async ({ caller, query }) => ({
    status: 200,
    body: await notificationsOf(deps(), caller.userId, query),
  }));
}

export const handler = listNotificationsHandler(notificationDependencies);
