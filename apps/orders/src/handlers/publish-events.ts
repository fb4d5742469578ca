import { eventBridgeBus, once, outboxPublisher } from '@shoplane/lambda-kit';
import { logger } from '../adapters/dependencies.js';

/** Publishes the orders table's outbox rows (OrderCreated, OrderConfirmed, OrderFailed, OrderCancelled) to the platform bus. */
export const handler = outboxPublisher(once(() => eventBridgeBus()), logger);
