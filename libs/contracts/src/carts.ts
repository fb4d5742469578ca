import * as z from 'zod/mini';
import { defineOperation } from './http.js';
import { ProductId } from './catalogue.js';
import { Currency, Money, MoneyTotal } from './money.js';

/** Most units of one product in a cart, and most lines in a cart. */
export const cartLimits = { maxQuantity: 99, maxLines: 50 } as const;

const Quantity = z.int().check(z.minimum(1), z.maximum(cartLimits.maxQuantity));

export const AddCartItemRequest = z
  .strictObject({ productId: ProductId, quantity: Quantity })
  .register(z.globalRegistry, { id: 'AddCartItemRequest', description: 'Adds to the line of this product (creating it).' });

export const SetCartItemRequest = z
  .strictObject({ quantity: z.int().check(z.minimum(0), z.maximum(cartLimits.maxQuantity)) })
  .register(z.globalRegistry, { id: 'SetCartItemRequest', description: 'Sets the line\'s quantity; 0 removes the line.' });

export const CartLine = z
  .object({
    productId: ProductId,
    name: z.string(),
    quantity: z.int().check(z.minimum(1), z.maximum(cartLimits.maxQuantity)),
    price: Money,
    lineTotal: MoneyTotal,
    available: z.boolean().register(z.globalRegistry, {
      description: 'False when the product was archived or has too little stock; such lines are not in the subtotal.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'CartLine',
    examples: [
      {
        productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
        name: 'Espresso cup',
        quantity: 2,
        price: { amount: 1299, currency: 'USD' },
        lineTotal: { amount: 2598, currency: 'USD' },
        available: true,
      },
    ],
  });

export const Cart = z
  .object({
    items: z.array(CartLine),
    subtotal: MoneyTotal,
    currency: Currency,
  })
  .register(z.globalRegistry, { id: 'Cart', description: 'The caller\'s cart, priced now from the catalogue.' });

const CartItemPath = z.object({ productId: ProductId });

export type AddCartItemRequest = z.infer<typeof AddCartItemRequest>;
export type SetCartItemRequest = z.infer<typeof SetCartItemRequest>;
export type CartLine = z.infer<typeof CartLine>;
export type Cart = z.infer<typeof Cart>;

export const getCart = defineOperation({
  operationId: 'getCart',
  method: 'get',
  path: '/cart',
  auth: 'user',
  tags: ['carts'],
  summary: 'The caller\'s cart',
  responses: { 200: { description: 'The cart, priced from the catalogue.', schema: Cart } },
  problems: [503],
});

export const addCartItem = defineOperation({
  operationId: 'addCartItem',
  method: 'post',
  path: '/cart/items',
  auth: 'user',
  tags: ['carts'],
  summary: 'Add a product to the cart',
  description: `Adds to the product's line. A line holds at most ${cartLimits.maxQuantity} units and a cart at most ${cartLimits.maxLines} lines (422 beyond). The product must exist (404) and be active (422); all lines share one currency (409).`,
  request: { body: AddCartItemRequest },
  responses: { 200: { description: 'The cart after the change.', schema: Cart } },
  problems: [404, 409, 422, 503],
});

export const setCartItem = defineOperation({
  operationId: 'setCartItem',
  method: 'put',
  path: '/cart/items/{productId}',
  auth: 'user',
  tags: ['carts'],
  summary: 'Set a line\'s quantity',
  request: { params: CartItemPath, body: SetCartItemRequest },
  responses: { 200: { description: 'The cart after the change.', schema: Cart } },
  problems: [404, 409, 422, 503],
});

export const removeCartItem = defineOperation({
  operationId: 'removeCartItem',
  method: 'delete',
  path: '/cart/items/{productId}',
  auth: 'user',
  tags: ['carts'],
  summary: 'Remove a line',
  request: { params: CartItemPath },
  responses: { 200: { description: 'The cart after the change.', schema: Cart } },
  problems: [404, 409, 503],
});

export const clearCart = defineOperation({
  operationId: 'clearCart',
  method: 'delete',
  path: '/cart',
  auth: 'user',
  tags: ['carts'],
  summary: 'Empty the cart',
  responses: { 204: { description: 'The cart is empty.' } },
  problems: [409],
});

export const cartOperations = [getCart, addCartItem, setCartItem, removeCartItem, clearCart];
