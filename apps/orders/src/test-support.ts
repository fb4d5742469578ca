import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  beginPayment,
  cancelOrder,
  confirmOrder,
  createOrder,
  failOrder,
  getCartLines,
  getOrder,
  listOrders,
  validateOrder,
  type CreateOrderRequest,
  type DomainEvent,
  type InternalOutput,
  type InternalResult,
  type OrderedLine,
  type Product,
} from '@shoplane/contracts';
import { createTokenSigner, createTokenVerifier, dynamoIdempotencyStore, newId, type Caller, type DocumentClient, type IdempotencyStore, type InternalClient } from '@shoplane/lambda-kit';
import {
  apiEvent,
  createTestTable,
  fakeProductsOperation,
  generateTestKeys,
  invoke,
  localStoreEndpoint,
  testProduct,
  testTokenSettings,
  type ParsedResponse,
} from '@shoplane/testing';
import { cartSource, productCatalogue } from './adapters/catalogue.js';
import { dynamoOrderRepository } from './adapters/order-repository.js';
import { orderKey } from './adapters/table-layout.js';
import type { OrdersDependencies } from './domain/orders.js';
import { beginPaymentHandler } from './handlers/begin-payment.js';
import { cancelOrderHandler } from './handlers/cancel-order.js';
import { confirmOrderHandler } from './handlers/confirm-order.js';
import { createOrderHandler } from './handlers/create-order.js';
import { failOrderHandler } from './handlers/fail-order.js';
import { getOrderHandler } from './handlers/get-order.js';
import { listOrdersHandler } from './handlers/list-orders.js';
import { validateOrderHandler } from './handlers/validate-order.js';
import { service } from './service.js';

/** A fresh customer, so each test starts with no orders and an empty cart. */
export const freshCustomer = (): Caller => ({ userId: newId('usr'), role: 'customer' });

export const card = { method: 'CARD', token: 'tok_visa' } as const;

export interface FakeCartOperation extends InternalClient<typeof getCartLines> {
  carts: Map<string, OrderedLine[]>;
}

/** Stands in for carts' getCartLines: each customer's cart as products and quantities, checked against the contract. */
export function fakeCartOperation(): FakeCartOperation {
  const fake: FakeCartOperation = {
    carts: new Map(),
    async call(input) {
      const { userId } = getCartLines.input.parse(input);
      return getCartLines.output.parse({ lines: fake.carts.get(userId) ?? [] });
    },
  };
  return fake;
}

/** Orders wired to a fresh table in DynamoDB Local, fake products and carts, in-memory keys; `wrap` swaps the client the repository uses. */
export async function ordersTestbed(wrap: (client: DocumentClient) => DocumentClient = (client) => client) {
  const table = await createTestTable(localStoreEndpoint(), service);
  const keys = generateTestKeys();
  const signer = createTokenSigner(keys, testTokenSettings);
  const verifier = () => createTokenVerifier(keys, testTokenSettings);
  const products = fakeProductsOperation();
  const cart = fakeCartOperation();
  const orders = dynamoOrderRepository(wrap(table.documents), table.name);
  const deps = (): OrdersDependencies => ({ orders, catalogue: productCatalogue(products), cart: cartSource(cart) });
  const idempotency = () => dynamoIdempotencyStore(table.documents, table.name);
  async function outboxEvents(): Promise<DomainEvent[]> {
    const { Items = [] } = await table.documents.send(new ScanCommand({ TableName: table.name, ConsistentRead: true }));
    return Items.filter((item) => String(item['PK']).startsWith('OUTBOX#')).map((item) => item['event'] as DomainEvent);
  }
  return {
    table,
    products,
    cart,
    orders,
    deps,
    verifier,
    idempotency,
    tokenFor: async (caller: Caller) => (await signer.sign(caller)).token,
    /** Every outbox row's event, in no particular order. */
    outboxEvents,
    /** The outbox events about one order. */
    async eventsOf(orderId: string): Promise<DomainEvent[]> {
      return (await outboxEvents()).filter((event) => (event.data as { orderId?: string }).orderId === orderId);
    },
    /** The order item exactly as stored. */
    async storedItem(orderId: string): Promise<Record<string, unknown> | undefined> {
      const { Items = [] } = await table.documents.send(
        new QueryCommand({ TableName: table.name, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': orderKey(orderId).PK }, ConsistentRead: true }),
      );
      return Items[0];
    },
    /** Orders of one customer, counted straight from the table. */
    async orderCount(userId: string): Promise<number> {
      const { Items = [] } = await table.documents.send(new ScanCommand({ TableName: table.name, ConsistentRead: true }));
      return Items.filter((item) => item['SK'] === 'ORDER' && item['userId'] === userId).length;
    },
  };
}

export type OrdersTestbed = Awaited<ReturnType<typeof ordersTestbed>>;

let keyCount = 0;
/** A unique Idempotency-Key. */
export const nextKey = () => `order-key-${Date.now()}-${++keyCount}`;

/** Calls the four order routes as API Gateway would, with a caller's token or none. */
export function orderApi(bed: OrdersTestbed, options: { idempotency?: () => IdempotencyStore } = {}) {
  const handlers = {
    create: createOrderHandler(bed.deps, options.idempotency ?? bed.idempotency, bed.verifier),
    get: getOrderHandler(bed.deps, bed.verifier),
    list: listOrdersHandler(bed.deps, bed.verifier),
    cancel: cancelOrderHandler(bed.deps, bed.verifier),
  };
  const client = (token?: string) => ({
    /** POST /orders with a fresh Idempotency-Key unless one is given (`null`: none at all). */
    create: (body: unknown, key: string | null = nextKey()) =>
      invoke(handlers.create, apiEvent(createOrder, { token, body, headers: key === null ? {} : { 'idempotency-key': key } })),
    get: (orderId: string) => invoke(handlers.get, apiEvent(getOrder, { token, pathParameters: { orderId } })),
    list: (query: Record<string, string> = {}) => invoke(handlers.list, apiEvent(listOrders, { token, query })),
    cancel: (orderId: string) => invoke(handlers.cancel, apiEvent(cancelOrder, { token, pathParameters: { orderId } })),
  });
  return { anonymous: client(), as: async (caller: Caller) => client(await bed.tokenFor(caller)) };
}

export type OrderClient = Awaited<ReturnType<ReturnType<typeof orderApi>['as']>>;

/** Checkout's four internal operations on orders, called as the saga's Lambda invokes would. */
export function checkoutSteps(bed: OrdersTestbed) {
  const handlers = {
    validate: validateOrderHandler(bed.deps),
    begin: beginPaymentHandler(bed.deps),
    confirm: confirmOrderHandler(bed.deps),
    fail: failOrderHandler(bed.deps),
  };
  return {
    validate: async (payload: unknown) => (await handlers.validate(payload)) as InternalResult<InternalOutput<typeof validateOrder>>,
    begin: async (payload: unknown) => (await handlers.begin(payload)) as InternalResult<InternalOutput<typeof beginPayment>>,
    confirm: async (payload: unknown) => (await handlers.confirm(payload)) as InternalResult<InternalOutput<typeof confirmOrder>>,
    fail: async (payload: unknown) => (await handlers.fail(payload)) as InternalResult<InternalOutput<typeof failOrder>>,
  };
}

export const orderIdOf = (response: ParsedResponse) => (response.body as { orderId: string }).orderId;

/** A customer with a token, and a product in the catalogue, ready to order. */
export async function shopper(bed: OrdersTestbed, api: ReturnType<typeof orderApi>, product: Partial<Product> = {}) {
  const caller = freshCustomer();
  const item = testProduct(product);
  bed.products.add(item);
  return { caller, client: await api.as(caller), product: item };
}

/** Places an order of one product through the API and answers its id. */
export async function placedOrder(client: OrderClient, productId: string, request: Partial<CreateOrderRequest> = {}): Promise<string> {
  const response = await client.create({ items: [{ productId, quantity: 2 }], payment: card, ...request });
  if (response.status !== 201) throw new Error(`placing the order answered ${response.status}: ${JSON.stringify(response.body)}`);
  return orderIdOf(response);
}
