import { eventBridgeBus, once } from '@shoplane/lambda-kit';
import { logger } from '../adapters/dependencies.js';
import { stockChangePublisher } from '../adapters/inventory-events.js';

/** Publishes each new version of a stock record as InventoryUpdated to the platform bus. */
export const handler = stockChangePublisher(once(() => eventBridgeBus()), logger);
