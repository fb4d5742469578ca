import { eventBridgeBus, once, outboxPublisher } from '@shoplane/lambda-kit';
import { logger } from '../adapters/dependencies.js';

/** Publishes the users table's outbox rows (e.g. UserRegistered) to the platform bus. */
export const handler = outboxPublisher(once(() => eventBridgeBus()), logger);
