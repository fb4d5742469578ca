import { archiveProduct, createProduct, getProduct, listProducts, updateProduct } from '@shoplane/contracts';
import { defineService, outboxTimeToLiveAttribute } from '@shoplane/manifest';
import { productIndexes } from './adapters/table-layout.js';

/**
 * Products: the catalogue. Admins create, edit and archive products; anyone
 * browses them; carts and orders read them through `getProductsByIds`.
 *
 * Table `products` (single table):
 * - `PK=PRODUCT#<productId>, SK=PRODUCT`  the product, with `revision` (optimistic
 *   concurrency for edits) and `stockVersion` (the inventory version its
 *   `availableStock` comes from; older InventoryUpdated events are ignored)
 * - `PK=OUTBOX#<eventId>, SK=OUTBOX`      events written in the same transaction as
 *   the change they describe, published from the table's stream, expired by TTL
 * - `PK=IDEMPOTENCY#<key>, SK=IDEMPOTENCY` answers to `POST /products` retried with
 *   an Idempotency-Key, expired by TTL
 *
 * Listings never Scan; each is a Query on a sparse index that only active
 * products carry (archiving removes the attributes, so the product leaves every
 * listing in the same write):
 * - `byCategoryPrice`  GSI1PK=`CATEGORY#<slug>`, GSI1SK=`<price>#<productId>`:
 *   a category, cheapest first; a price range is a BETWEEN on the sort key
 * - `activeByCreation` GSI2PK=`PRODUCT`, GSI2SK=`<createdAt>#<productId>`: everything, newest first
 * - `activeByPrice`    GSI3PK=`PRODUCT`, GSI3SK=`<price>#<productId>`: a price range
 *   across categories, cheapest first
 *
 * Prices in sort keys are zero-padded to the digits of the largest price the
 * contract accepts, so their string order is their numeric order.
 *
 * The single `PRODUCT` partition of the last two is deliberate at this scale: one
 * index partition serves 3,000 reads and 1,000 writes a second, products are
 * written by a few admins (and stock updates touch no index attribute), and a
 * GSI partition has no size limit. If catalogue writes ever approach that rate,
 * shard it as `PRODUCT#<n>` with n = hash(productId) mod N, query the N shards in
 * parallel, merge their pages by sort key, and carry the N start keys in the
 * cursor; the scope string already ties cursors to one query shape.
 */
export const service = defineService({
  name: 'products',
  table: {
    partitionKey: { name: 'PK', type: 'S' },
    sortKey: { name: 'SK', type: 'S' },
    globalIndexes: Object.values(productIndexes),
    timeToLiveAttribute: outboxTimeToLiveAttribute,
    stream: { handler: 'publish-events', tableAccess: 'none', capabilities: ['publishEvents'] },
  },
  routes: [
    { operation: createProduct, handler: 'create-product' },
    { operation: listProducts, handler: 'list-products', tableAccess: 'read' },
    { operation: getProduct, handler: 'get-product', tableAccess: 'read' },
    { operation: updateProduct, handler: 'update-product' },
    { operation: archiveProduct, handler: 'archive-product' },
  ],
  subscriptions: [{ eventTypes: ['InventoryUpdated'], handler: 'on-inventory-updated' }],
  internalOperations: [{ name: 'getProductsByIds', handler: 'get-products-by-ids', tableAccess: 'read' }],
});
