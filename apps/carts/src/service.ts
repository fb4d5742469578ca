import {
  addCartItem,
  clearCart,
  getCart,
  getCartLines,
  getProductsByIds,
  internalOperationKey,
  removeCartItem,
  setCartItem,
} from '@shoplane/contracts';
import { defineService, outboxTimeToLiveAttribute } from '@shoplane/manifest';

/** Pricing a cart reads its products from the catalogue. */
const pricing = internalOperationKey(getProductsByIds);

/**
 * Carts: each customer's cart, always priced now from the catalogue.
 *
 * Table `carts` (single table, one partition per cart, so one Query reads a whole cart):
 * - `PK=CART#<userId>, SK=HEADER`          `lineCount` and the cart's `currency`; every line
 *                                          creation or deletion changes `lineCount` in the same
 *                                          transaction, which is how the 50-line limit and the
 *                                          one-currency rule hold under concurrent requests
 * - `PK=CART#<userId>, SK=ITEM#<productId>` one line: `productId`, `qty` (its quantity), `currency` (the cart's,
 *                                          stamped at creation), `addedAt`, `updatedAt`.
 *                                          Never a price: prices come from products on every read.
 * - `PK=ORDER#<orderId>, SK=CART_SETTLEMENT` an OrderConfirmed already taken out of its
 *                                          customer's cart (so a redelivery changes nothing),
 *                                          expired by TTL after 30 days
 */
export const service = defineService({
  name: 'carts',
  table: {
    partitionKey: { name: 'PK', type: 'S' },
    sortKey: { name: 'SK', type: 'S' },
    timeToLiveAttribute: outboxTimeToLiveAttribute,
  },
  routes: [
    // Every answer but clearing is the cart priced now, from the catalogue.
    { operation: getCart, handler: 'get-cart', tableAccess: 'read', invokes: [pricing] },
    { operation: addCartItem, handler: 'add-cart-item', invokes: [pricing] },
    { operation: setCartItem, handler: 'set-cart-item', invokes: [pricing] },
    { operation: removeCartItem, handler: 'remove-cart-item', invokes: [pricing] },
    { operation: clearCart, handler: 'clear-cart' },
  ],
  // Ordered lines leave the cart once the order is paid, not when it is placed.
  subscriptions: [{ eventTypes: ['OrderConfirmed'], handler: 'on-order-confirmed' }],
  internalOperations: [{ name: getCartLines.name, handler: 'get-cart-lines', tableAccess: 'read' }],
});
