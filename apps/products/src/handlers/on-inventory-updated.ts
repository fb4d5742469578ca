import { eventSubscriber } from '@shoplane/lambda-kit';
import { catalogue, logger } from '../adapters/dependencies.js';
import { recordInventory, type CatalogueDependencies } from '../domain/catalogue.js';

/** Keeps each product's `availableStock`/`inStock` in step with inventory's InventoryUpdated events. */
export function onInventoryUpdatedHandler(deps: () => CatalogueDependencies) {
  return eventSubscriber(
    {
      InventoryUpdated: async ({ eventId, data }) => {
        const applied = await recordInventory(deps(), data);
        // Not applied: a replay, an event overtaken by a newer one, or an unknown product; all safe to acknowledge.
        logger.info(applied ? 'stock recorded' : 'stale stock update ignored', { eventId, productId: data.productId, version: data.version });
      },
    },
    logger,
  );
}

export const handler = onInventoryUpdatedHandler(catalogue);
