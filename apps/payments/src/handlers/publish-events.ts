import { eventBridgeBus, once, outboxPublisher } from '@shoplane/lambda-kit';
import { logger } from '../adapters/logger.js';

/** Publishes the payments table's outbox rows (PaymentSucceeded, PaymentFailed, PaymentRefunded) to the platform bus. */
export const handler = outboxPublisher(once(() => eventBridgeBus()), logger);
