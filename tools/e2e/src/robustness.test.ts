import { allOperations, type HttpOperation } from '@shoplane/contracts';
import { startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractViolations } from './contract.js';

/**
 * Whatever a client sends — any JSON, any path parameter, any query — the API answers
 * a documented status with a body that matches openapi.json, and never a 500.
 */
let shop: LocalShop;
let adminToken: string;

beforeAll(async () => {
  shop = await startLocalShop({ port: 0, quiet: true });
  const login = await fetch(`${shop.url}/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@shoplane.local', password: 'shoplane-admin' }),
  });
  adminToken = ((await login.json()) as { token: string }).token;
});

afterAll(async () => {
  await shop?.stop();
});

const segment = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => !value.includes('/') && value.trim() !== '' && value !== '.' && value !== '..');
const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'category', 'minPrice', 'maxPrice', 'other'), fc.string({ maxLength: 30 }), { maxKeys: 4 });
const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ quantity: fc.jsonValue(), productId: fc.jsonValue(), email: fc.jsonValue(), price: fc.jsonValue() }, { requiredKeys: [] }));

async function send(operation: HttpOperation, path: string, search: Record<string, string>, payload: unknown) {
  const url = new URL(path, shop.url);
  for (const [key, value] of Object.entries(search)) url.searchParams.set(key, value);
  const response = await fetch(url, {
    method: operation.method.toUpperCase(),
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: operation.method === 'get' ? undefined : JSON.stringify(payload),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // left as text: the contract check reports it
  }
  return { operationId: operation.operationId, status: response.status, contentType: response.headers.get('content-type'), body: parsed };
}

describe('answers to arbitrary input', () => {
  it.each(allOperations.map((operation) => [operation.operationId, operation] as const))('%s never answers 500 and always matches the contract', async (_id, operation) => {
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 2, maxLength: 2 }), query, body, async ([first, second], search, payload) => {
        let index = 0;
        const path = operation.path.replace(/\{\w+\}/g, () => encodeURIComponent((index++ === 0 ? first : second) ?? 'x'));
        const answer = await send(operation, path, search, payload);

        expect(answer.status, JSON.stringify(answer)).toBeLessThan(500);
        expect(contractViolations(answer), JSON.stringify(answer)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
