import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  addCartItem,
  clearCart,
  getCart,
  removeCartItem,
  setCartItem,
  type Cart,
  type Currency,
  type Product,
} from '@shoplane/contracts';
import { createTokenSigner, createTokenVerifier, newId, type Caller } from '@shoplane/lambda-kit';
import {
  admin,
  apiEvent,
  createTestTable,
  customer,
  fakeProductsOperation,
  generateTestKeys,
  invoke,
  localDynamoDbClient,
  localStoreEndpoint,
  testProduct,
  testTokenSettings,
  type ParsedResponse,
  type TestTable,
} from '@shoplane/testing';
import { dynamoCartRepository } from './adapters/cart-repository.js';
import { productCatalogue } from './adapters/product-catalogue.js';
import type { CartDependencies } from './domain/carts.js';
import { addCartItemHandler } from './handlers/add-cart-item.js';
import { clearCartHandler } from './handlers/clear-cart.js';
import { getCartHandler } from './handlers/get-cart.js';
import { removeCartItemHandler } from './handlers/remove-cart-item.js';
import { setCartItemHandler } from './handlers/set-cart-item.js';
import { service } from './service.js';

/** A second shopper, to prove one customer never reaches another's cart. */
export const otherCustomer: Caller = { userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7X', role: 'customer' };

/** A fresh user id, so each test starts from an empty cart. */
export const freshCustomer = (): Caller => ({ userId: newId('usr'), role: 'customer' });

export const priced = (amount: number, currency: Currency = 'USD') => ({ amount, currency });

/** A document client on its own connection that records the name of every DynamoDB command it sends. */
export function countingDocumentClient(): { documents: DynamoDBDocumentClient; commands: string[] } {
  const client = localDynamoDbClient(localStoreEndpoint());
  const commands: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  return { documents: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }), commands };
}

/** Carts wired to a fresh table in DynamoDB Local, a fake catalogue and in-memory keys. */
export async function cartsTestbed() {
  const table: TestTable = await createTestTable(localStoreEndpoint(), service);
  const keys = generateTestKeys();
  const products = fakeProductsOperation();
  const carts = dynamoCartRepository(table.documents, table.name);
  const deps = (): CartDependencies => ({ carts, catalogue: productCatalogue(products) });
  const signer = createTokenSigner(keys, testTokenSettings);
  return {
    table,
    products,
    carts,
    deps,
    verifier: () => createTokenVerifier(keys, testTokenSettings),
    tokenFor: async (caller: Caller) => (await signer.sign(caller)).token,
    callers: { customer, otherCustomer, admin },
  };
}

export type CartsTestbed = Awaited<ReturnType<typeof cartsTestbed>>;

/** Calls the five cart routes as API Gateway would, with a caller's token or none. */
export function cartApi(bed: CartsTestbed, deps: () => CartDependencies = bed.deps) {
  const handlers = {
    get: getCartHandler(deps, bed.verifier),
    add: addCartItemHandler(deps, bed.verifier),
    set: setCartItemHandler(deps, bed.verifier),
    remove: removeCartItemHandler(deps, bed.verifier),
    clear: clearCartHandler(deps, bed.verifier),
  };
  const client = (token?: string) => ({
    get: () => invoke(handlers.get, apiEvent(getCart, { token })),
    add: (body: unknown) => invoke(handlers.add, apiEvent(addCartItem, { token, body })),
    set: (productId: string, body: unknown) => invoke(handlers.set, apiEvent(setCartItem, { token, body, pathParameters: { productId } })),
    remove: (productId: string) => invoke(handlers.remove, apiEvent(removeCartItem, { token, pathParameters: { productId } })),
    clear: () => invoke(handlers.clear, apiEvent(clearCart, { token })),
  });
  return {
    anonymous: client(),
    as: async (caller: Caller) => client(await bed.tokenFor(caller)),
  };
}

export type CartClient = Awaited<ReturnType<ReturnType<typeof cartApi>['as']>>;

/** A fresh customer, signed in: each test gets an empty cart of its own. */
export async function newShopper(api: ReturnType<typeof cartApi>): Promise<{ client: CartClient; userId: string }> {
  const caller = freshCustomer();
  return { client: await api.as(caller), userId: caller.userId };
}

/** The cart in a response body. */
export const cartOf = (response: ParsedResponse): Cart => response.body as Cart;

/** What the table holds for a cart: the header's line count and the stored lines. */
export async function storedCart(bed: CartsTestbed, userId: string): Promise<{ lineCount: number; lines: Record<string, unknown>[] }> {
  const { Items = [] } = await bed.table.documents.send(
    new QueryCommand({ TableName: bed.table.name, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `CART#${userId}` }, ConsistentRead: true }),
  );
  const header = Items.find((item) => item['SK'] === 'HEADER');
  return { lineCount: Number(header?.['lineCount'] ?? 0), lines: Items.filter((item) => String(item['SK']).startsWith('ITEM#')) };
}

/** Puts these products in the catalogue and in the customer's cart, one unit each, straight through the repository. */
export async function fillCart(bed: CartsTestbed, caller: Caller, count: number, overrides: Partial<Product> = {}): Promise<Product[]> {
  const products = Array.from({ length: count }, () => testProduct(overrides));
  bed.products.add(...products);
  for (const product of products) {
    await bed.carts.addToLine(caller.userId, { productId: product.productId, quantity: 1, currency: product.price.currency }, new Date());
  }
  return products;
}
