import { eventSubscriber } from '@shoplane/lambda-kit';
import { logger, notificationDependencies } from '../adapters/dependencies.js';
import { welcomeUser, type NotificationDependencies } from '../domain/notifications.js';

/** Remembers where a new customer's messages go and sends the welcome e-mail. */
export function onUserRegisteredHandler(deps: () => NotificationDependencies) {
  return eventSubscriber(
    {
      UserRegistered: async (event) => {
        const { record, duplicate } = await welcomeUser(deps(), event);
        logger.info(duplicate ? 'welcome already sent' : 'welcome sent', { eventId: event.eventId, notificationId: record.notificationId, attempts: record.attempts });
      },
    },
    logger,
  );
}

export const handler = onUserRegisteredHandler(notificationDependencies);
