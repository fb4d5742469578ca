import type { AddCartItemRequest, Caller, Cart, Product, SetCartItemRequest } from '@shoplane/contracts';
import { requireSellable } from './cart-rules.js';
import { CartItemNotFoundError } from './errors.js';
import type { CartRepository, ProductCatalogue } from './ports.js';
import { priceCart } from './pricing.js';

export interface CartDependencies {
  carts: CartRepository;
  catalogue: ProductCatalogue;
  clock?: () => Date;
}

/**
 * The caller's cart priced now: one Query for the lines and one catalogue call for all
 * of their products, whatever the number of lines.
 */
export async function viewCart(deps: CartDependencies, caller: Caller): Promise<Cart> {
  const { lines } = await deps.carts.load(caller.userId);
  const products = lines.length === 0 ? [] : await deps.catalogue.productsByIds(lines.map((line) => line.productId));
  return priceCart(lines, new Map(products.map((product) => [product.productId, product])));
}

async function sellableProduct(deps: CartDependencies, productId: string): Promise<Product> {
  return requireSellable(productId, await deps.catalogue.productsByIds([productId]));
}

export async function addItem(deps: CartDependencies, caller: Caller, request: AddCartItemRequest): Promise<Cart> {
  const product = await sellableProduct(deps, request.productId);
  const now = deps.clock?.() ?? new Date();
  await deps.carts.addToLine(caller.userId, { productId: product.productId, quantity: request.quantity, currency: product.price.currency }, now);
  return viewCart(deps, caller);
}

/**
 * Sets a line's quantity. Zero removes the line (and is no error when it was not there:
 * the cart ends as asked). A product not yet in the cart is added, with the same checks
 * as adding it, because a client that sets "2 of this" means exactly that.
 */
export async function setItem(deps: CartDependencies, caller: Caller, productId: string, request: SetCartItemRequest): Promise<Cart> {
  if (request.quantity === 0) {
    await deps.carts.removeLine(caller.userId, productId);
    return viewCart(deps, caller);
  }
  const product = await sellableProduct(deps, productId);
  const now = deps.clock?.() ?? new Date();
  await deps.carts.setLine(caller.userId, { productId, quantity: request.quantity, currency: product.price.currency }, now);
  return viewCart(deps, caller);
}

export async function removeItem(deps: CartDependencies, caller: Caller, productId: string): Promise<Cart> {
  if (!(await deps.carts.removeLine(caller.userId, productId))) throw new CartItemNotFoundError();
  return viewCart(deps, caller);
}

export async function emptyCart(deps: CartDependencies, caller: Caller): Promise<void> {
  await deps.carts.clear(caller.userId);
}
