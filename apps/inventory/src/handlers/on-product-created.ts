import { eventSubscriber } from '@shoplane/lambda-kit';
import { inventory, logger } from '../adapters/dependencies.js';
import { recordNewProduct, type InventoryDependencies } from '../domain/inventory.js';

/** Gives every new product its stock record, with the product's initial stock. */
export function onProductCreatedHandler(deps: () => Pick<InventoryDependencies, 'stock' | 'clock'>) {
  return eventSubscriber(
    {
      ProductCreated: async (event) => {
        const created = await recordNewProduct(deps(), event);
        logger.info(created ? 'stock record created' : 'stock record already exists; replayed event ignored', {
          productId: event.data.productId,
          eventId: event.eventId,
        });
      },
    },
    logger,
  );
}

export const handler = onProductCreatedHandler(inventory);
