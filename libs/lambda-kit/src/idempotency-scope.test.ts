import { defineOperation } from '@shoplane/contracts';
import { defineService } from '@shoplane/manifest';
import { admin, apiEvent, createTestTable, customer, generateTestKeys, invoke, localStoreEndpoint, testTokenSettings } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { httpHandler } from './http.js';
import { dynamoIdempotencyStore, type IdempotencyStore } from './idempotency.js';
import { createLogger } from './logger.js';
import { defaultProblems } from './problems.js';
import { createTokenSigner, createTokenVerifier } from './tokens.js';

const addStock = defineOperation({
  operationId: 'addStock',
  method: 'post',
  path: '/shelves/{shelfId}/stock',
  auth: 'user',
  tags: ['shelves'],
  summary: 'test operation',
  request: { params: z.object({ shelfId: z.string() }), body: z.object({ quantity: z.int(), note: z.optional(z.string()) }), idempotencyKey: true },
  responses: { 200: { description: 'the shelf after the change' } },
  problems: [422],
});

const keys = generateTestKeys();
const signer = createTokenSigner(keys, testTokenSettings);
const shelves = new Map<string, number>();
let store: IdempotencyStore;
const tokens: Record<'customer' | 'admin', string> = { customer: '', admin: '' };

const handler = httpHandler(
  addStock,
  { logger: createLogger('idempotency-scope-test'), problems: defaultProblems, verifier: () => createTokenVerifier(keys, testTokenSettings), idempotency: () => store },
  async ({ params, body }) => {
    const stock = (shelves.get(params.shelfId) ?? 0) + body.quantity;
    shelves.set(params.shelfId, stock);
    return { status: 200, body: { shelfId: params.shelfId, stock } };
  },
);

beforeAll(async () => {
  const table = await createTestTable(
    localStoreEndpoint(),
    defineService({ name: 'shelves', table: { partitionKey: { name: 'PK', type: 'S' }, sortKey: { name: 'SK', type: 'S' } }, routes: [{ operation: addStock, handler: 'add' }] }),
  );
  store = dynamoIdempotencyStore(table.documents, table.name);
  tokens.customer = (await signer.sign(customer)).token;
  tokens.admin = (await signer.sign(admin)).token;
});

const send = (who: 'customer' | 'admin', shelfId: string, body: string, key: string) =>
  invoke(handler, apiEvent(addStock, { token: tokens[who], pathParameters: { shelfId }, rawBody: body, headers: { 'idempotency-key': key } }));

describe('an Idempotency-Key', () => {
  it('replays only for the same resource: the same key and body on another shelf runs and changes that shelf', async () => {
    const first = await send('customer', 'shelf-x', '{"quantity":5}', 'scope-key-0001');
    const other = await send('customer', 'shelf-y', '{"quantity":5}', 'scope-key-0001');

    expect(first.body).toEqual({ shelfId: 'shelf-x', stock: 5 });
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.body).toEqual({ shelfId: 'shelf-y', stock: 5 });
    expect(shelves.get('shelf-x')).toBe(5);
  });

  it('replays only for the same caller: another user with the same key and body gets an answer of their own', async () => {
    await send('customer', 'shelf-z', '{"quantity":2}', 'scope-key-0002');
    const byAdmin = await send('admin', 'shelf-z', '{"quantity":2}', 'scope-key-0002');

    expect(byAdmin.headers['idempotent-replayed']).toBeUndefined();
    expect(byAdmin.body).toEqual({ shelfId: 'shelf-z', stock: 4 });
  });

  it('treats re-formatted but equal JSON as the same request', async () => {
    await send('customer', 'shelf-w', '{"quantity":3,"note":"aisle 4"}', 'scope-key-0003');
    const reformatted = await send('customer', 'shelf-w', '{ "note": "aisle 4",\n  "quantity": 3 }', 'scope-key-0003');

    expect(reformatted.headers['idempotent-replayed']).toBe('true');
    expect(reformatted.body).toEqual({ shelfId: 'shelf-w', stock: 3 });
    expect(shelves.get('shelf-w')).toBe(3);
  });

  it('still refuses the same key with a different request on the same resource', async () => {
    await send('customer', 'shelf-v', '{"quantity":1}', 'scope-key-0004');
    const changed = await send('customer', 'shelf-v', '{"quantity":9}', 'scope-key-0004');

    expect(changed.status).toBe(422);
    expect(shelves.get('shelf-v')).toBe(1);
  });
});
