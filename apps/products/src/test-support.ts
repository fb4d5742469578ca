import { BatchGetCommand, ScanCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { CreateProductRequest, DomainEvent } from '@shoplane/contracts';
import { createTokenSigner, createTokenVerifier, dynamoIdempotencyStore, toEnvelope, type DocumentClient } from '@shoplane/lambda-kit';
import { admin, createTestTable, customer, generateTestKeys, localStoreEndpoint, testTokenSettings } from '@shoplane/testing';
import { dynamoProductRepository } from './adapters/product-repository.js';
import { addProduct, type CatalogueDependencies } from './domain/catalogue.js';
import { archiveProductHandler } from './handlers/archive-product.js';
import { createProductHandler } from './handlers/create-product.js';
import { getProductHandler } from './handlers/get-product.js';
import { getProductsByIdsHandler } from './handlers/get-products-by-ids.js';
import { listProductsHandler } from './handlers/list-products.js';
import { onInventoryUpdatedHandler } from './handlers/on-inventory-updated.js';
import { updateProductHandler } from './handlers/update-product.js';
import { service } from './service.js';

type Send = DocumentClient['send'];
type SentCommand = Parameters<Send>[0];

/** Passes every command through to DynamoDB Local, remembering its name (e.g. `QueryCommand`). */
export function recordingClient(inner: DocumentClient, intercept?: (command: SentCommand, forward: () => Promise<unknown>) => Promise<unknown>) {
  const commands: string[] = [];
  const send = ((command: SentCommand) => {
    commands.push(command.constructor.name);
    const forward = () => inner.send(command);
    return intercept ? intercept(command, forward) : forward();
  }) as Send;
  return { client: { send } satisfies DocumentClient, commands };
}

/**
 * Answers the first `times` BatchGets as a throttled DynamoDB would: the last
 * `unprocessed` products found are handed back as UnprocessedKeys instead.
 */
export function throttlingBatchGets(inner: DocumentClient, unprocessed: number, times = 1) {
  let throttled = 0;
  return recordingClient(inner, async (command, forward) => {
    const output = await forward();
    if (!(command instanceof BatchGetCommand) || throttled >= times) return output;
    throttled++;
    const { Responses = {} } = output as BatchGetCommandOutput;
    const [tableName, items = []] = Object.entries(Responses)[0] ?? [];
    if (!tableName) return output;
    const kept = items.slice(0, Math.max(0, items.length - unprocessed));
    const held = items.slice(kept.length).map((item) => ({ PK: item['PK'], SK: item['SK'] }));
    return { ...(output as BatchGetCommandOutput), Responses: { [tableName]: kept }, UnprocessedKeys: { [tableName]: { Keys: held } } };
  });
}

/** Products wired to a fresh table in DynamoDB Local and in-memory keys; `wrap` swaps the client the repository uses. */
export async function productsTestbed(wrap: (client: DocumentClient) => DocumentClient = (client) => client) {
  const table = await createTestTable(localStoreEndpoint(), service);
  const keys = generateTestKeys();
  const signer = createTokenSigner(keys, testTokenSettings);
  const verifier = () => createTokenVerifier(keys, testTokenSettings);
  const products = dynamoProductRepository(wrap(table.documents), table.name, { batchGet: { pause: async () => undefined } });
  const deps = (): CatalogueDependencies => ({ products });
  const idempotency = () => dynamoIdempotencyStore(table.documents, table.name);
  return {
    table,
    products,
    deps,
    tokens: { admin: (await signer.sign(admin)).token, customer: (await signer.sign(customer)).token },
    handlers: {
      create: createProductHandler(deps, idempotency, verifier),
      list: listProductsHandler(deps),
      get: getProductHandler(deps),
      update: updateProductHandler(deps, verifier),
      archive: archiveProductHandler(deps, verifier),
      byIds: getProductsByIdsHandler(deps),
      onInventoryUpdated: onInventoryUpdatedHandler(deps),
    },
    /** Every outbox row's event, in no particular order. */
    async outboxEvents(): Promise<DomainEvent[]> {
      const { Items = [] } = await table.documents.send(new ScanCommand({ TableName: table.name }));
      return Items.filter((item) => String(item['PK']).startsWith('OUTBOX#')).map((item) => item['event'] as DomainEvent);
    },
  };
}

export type ProductsTestbed = Awaited<ReturnType<typeof productsTestbed>>;

export const validProduct = (overrides: Partial<CreateProductRequest> = {}): CreateProductRequest => ({
  name: 'Enamel Kettle',
  description: 'A 1.7 l stovetop kettle.',
  category: 'kitchen',
  price: { amount: 3499, currency: 'USD' },
  stock: 25,
  ...overrides,
});

/** Creates a product through the create use case and answers its id. */
export async function createdProduct(bed: ProductsTestbed, overrides: Partial<CreateProductRequest> = {}): Promise<string> {
  return (await addProduct(bed.deps(), validProduct(overrides), 'test')).productId;
}

export function inventoryUpdated(productId: string, availableStock: number, version: number): DomainEvent<'InventoryUpdated'> {
  return toEnvelope('inventory', {
    eventType: 'InventoryUpdated',
    correlationId: 'test',
    data: { productId, availableStock, reservedStock: 0, version, reason: 'reserved' },
  });
}
