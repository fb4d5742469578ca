import { defineOperation } from '@shoplane/contracts';
import { defineService } from '@shoplane/manifest';
import { apiEvent, createTestTable, customer, generateTestKeys, invoke, localStoreEndpoint, testTokenSettings } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { httpHandler } from './http.js';
import { defaultProblems } from './problems.js';
import { dynamoIdempotencyStore, type IdempotencyStore } from './idempotency.js';
import { createLogger } from './logger.js';
import { createTokenSigner, createTokenVerifier } from './tokens.js';

const placeOrder = defineOperation({
  operationId: 'placeOrder',
  method: 'post',
  path: '/orders',
  auth: 'user',
  tags: ['orders'],
  summary: 'test operation',
  request: { body: z.object({ units: z.int() }), idempotencyKey: 'required' },
  responses: { 201: { description: 'placed' }, 200: { description: 'replayed' } },
  problems: [],
});

const keys = generateTestKeys();
const signer = createTokenSigner(keys, testTokenSettings);
let store: IdempotencyStore;
let token: string;
let executions = 0;

const place = httpHandler(
  placeOrder,
  { logger: createLogger('idempotency-required-test'), problems: defaultProblems, verifier: () => createTokenVerifier(keys, testTokenSettings), idempotency: () => store, replayStatus: 200 },
  async ({ body }) => {
    executions++;
    return { status: 201, body: { orderId: `order-${executions}`, units: body.units }, headers: { location: `/orders/order-${executions}` } };
  },
);

beforeAll(async () => {
  const table = await createTestTable(
    localStoreEndpoint(),
    defineService({ name: 'orders', table: { partitionKey: { name: 'PK', type: 'S' }, sortKey: { name: 'SK', type: 'S' } }, routes: [{ operation: placeOrder, handler: 'place' }] }),
  );
  store = dynamoIdempotencyStore(table.documents, table.name);
  token = (await signer.sign(customer)).token;
});

const order = (units: number, headers: Record<string, string>) => invoke(place, apiEvent(placeOrder, { token, body: { units }, headers }));

describe('a required Idempotency-Key', () => {
  it('refuses a request without one with 422 naming the header, running nothing', async () => {
    const before = executions;

    const response = await order(1, {});

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'headers.idempotency-key', message: 'is required' }] });
    expect(executions).toBe(before);
  });

  it('still refuses a malformed key with 422', async () => {
    const response = await order(1, { 'idempotency-key': 'short' });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'headers.idempotency-key' }] });
  });

  it('answers a replay with the operation\'s replay status, the first body and headers, and the replay header', async () => {
    const first = await order(2, { 'idempotency-key': 'required-key-0001' });

    const retry = await order(2, { 'idempotency-key': 'required-key-0001' });

    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['location']).toBe(first.headers['location']);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });
});
