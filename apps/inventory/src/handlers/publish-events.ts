import { eventBridgeBus, once, streamEventPublisher } from '@shoplane/lambda-kit';
import { logger } from '../adapters/dependencies.js';
import { inventoryUpdatedOf } from '../adapters/inventory-events.js';

/** Publishes each new version of a stock record as InventoryUpdated to the platform bus. */
export const handler = streamEventPublisher(once(() => eventBridgeBus()), logger, inventoryUpdatedOf);
