import { defineOperation } from '@shoplane/contracts';
import { defineService } from '@shoplane/manifest';
import { apiEvent, createTestTable, customer, generateTestKeys, invoke, localStoreEndpoint, testTokenSettings } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ConflictError } from './errors.js';
import { httpHandler } from './http.js';
import { dynamoIdempotencyStore, type IdempotencyStore } from './idempotency.js';
import { createLogger } from './logger.js';
import { defaultProblems } from './problems.js';
import { createTokenSigner, createTokenVerifier } from './tokens.js';

const placeBet = defineOperation({
  operationId: 'placeBet',
  method: 'post',
  path: '/bets',
  auth: 'user',
  tags: ['bets'],
  summary: 'test operation',
  request: { body: z.object({ amount: z.int() }), idempotencyKey: true },
  responses: { 201: { description: 'placed' } },
  problems: [409],
});

const keys = generateTestKeys();
const signer = createTokenSigner(keys, testTokenSettings);
let store: IdempotencyStore;
let token: string;
let executions = 0;

const place = httpHandler(
  placeBet,
  { logger: createLogger('idempotency-test'), problems: defaultProblems, verifier: () => createTokenVerifier(keys, testTokenSettings), idempotency: () => store },
  async ({ body }) => {
    executions++;
    if (body.amount === 13) throw new ConflictError('Unlucky.', 'unlucky');
    return { status: 201, body: { betId: `bet-${executions}`, amount: body.amount } };
  },
);

beforeAll(async () => {
  const table = await createTestTable(
    localStoreEndpoint(),
    defineService({ name: 'bets', table: { partitionKey: { name: 'PK', type: 'S' }, sortKey: { name: 'SK', type: 'S' } }, routes: [{ operation: placeBet, handler: 'place' }] }),
  );
  store = dynamoIdempotencyStore(table.documents, table.name);
  token = (await signer.sign(customer)).token;
});

const bet = (amount: number, key?: string) => invoke(place, apiEvent(placeBet, { token, body: { amount }, headers: key ? { 'idempotency-key': key } : {} }));

describe('Idempotency-Key', () => {
  it('runs a retried request once and replays the first answer', async () => {
    const before = executions;

    const first = await bet(10, 'key-replay-0001');
    const retry = await bet(10, 'key-replay-0001');

    expect(executions - before).toBe(1);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('runs every request without a key', async () => {
    const before = executions;

    await bet(10);
    await bet(10);

    expect(executions - before).toBe(2);
  });

  it('answers 422 when a key is reused with another body', async () => {
    await bet(10, 'key-reused-0001');

    const reused = await bet(11, 'key-reused-0001');

    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ type: expect.stringContaining('idempotency-key-reused') });
  });

  it('runs concurrent duplicates once: the others wait (409) or replay', async () => {
    const before = executions;

    const answers = await Promise.all(Array.from({ length: 10 }, () => bet(20, 'key-concurrent-01')));

    expect(executions - before).toBe(1);
    expect(answers.filter((answer) => answer.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
  });

  it('forgets a key whose request failed, so the retry runs again', async () => {
    const before = executions;

    const failed = await bet(13, 'key-failed-00001');
    const retried = await bet(13, 'key-failed-00001');

    expect(failed.status).toBe(409);
    expect(retried.status).toBe(409);
    expect(executions - before).toBe(2);
  });
});
