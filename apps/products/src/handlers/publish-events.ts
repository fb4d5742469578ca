import { eventBridgeBus, once, outboxPublisher } from '@shoplane/lambda-kit';
import { logger } from '../adapters/dependencies.js';

/** Publishes the products table's outbox rows (ProductCreated, ProductUpdated, ProductArchived) to the platform bus. */
export const handler = outboxPublisher(once(() => eventBridgeBus()), logger);
