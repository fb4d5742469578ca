import { startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractViolations, operations, resolveSchema, type Operation, type Parameter } from '@shoplane/testing/contract';
import { boundaryValue, validValue } from '../schema-arbitrary.js';
import { adminToken, fetchReusing, newCustomer, newProduct, placeOrder } from '../shop-api.js';
import { recordCounts } from '../suite-counts.js';

/**
 * Every operation of openapi.json, fuzzed from its own schemas: bodies, query strings,
 * headers and path ids drawn inside and just outside what the contract allows, under
 * every kind of caller. Nothing answers 5xx, and every answer is one the operation documents.
 */
const casesPerOperation = 40;
let shop: LocalShop;
const callers: Record<string, string | undefined> = {};
const knownIds: Record<string, string[]> = {};
const tried = new Map<string, number>();

beforeAll(async () => {
  process.env['PAYMENTS_SANDBOX_APPROVAL_DELAY_MS'] = '300';
  shop = await startLocalShop({ port: 0, quiet: true });
  const admin = await adminToken(shop.url);
  const customer = await newCustomer(shop.url);
  const productId = await newProduct(shop.url, admin, 50);
  const order = await placeOrder(shop.url, customer, [{ productId, quantity: 1 }], { method: 'CARD', token: 'tok_visa' });
  Object.assign(callers, { admin: `Bearer ${admin}`, customer: `Bearer ${customer.token}`, none: undefined, forged: 'Bearer eyJhbGciOiJub25lIn0.e30.', basic: 'Basic YWRtaW46YWRtaW4=' });
  Object.assign(knownIds, { productId: [productId], orderId: order.orderId ? [order.orderId] : [] });
});

afterAll(async () => {
  console.log(`schema fuzzing, cases tried per operation:\n${[...tried].map(([operationId, count]) => `  ${operationId}: ${count}`).join('\n')}`);
  recordCounts({ casesTried: [...tried.values()].reduce((sum, count) => sum + count, 0) });
  await shop?.stop();
});

/** A query or header value as it travels: text. */
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function pathValue(parameter: Parameter): fc.Arbitrary<string> {
  const real = knownIds[parameter.name] ?? [];
  return fc.oneof(
    ...(real.length > 0 ? [fc.constantFrom(...real)] : []),
    validValue(parameter.schema, resolveSchema).map(asText),
    fc.string({ minLength: 1, maxLength: 300 }).filter((value) => value.trim() !== '' && !['.', '..'].includes(value)),
    fc.constantFrom('prd_', 'ord_00000000000000000000000000', '%2e%2e', 'null', '0'.repeat(2000)),
  );
}

/** Each declared query and header parameter present or absent, with a value inside or just outside its schema; sometimes an undeclared one. */
function parameterValues(parameters: Parameter[]): fc.Arbitrary<Record<string, string>> {
  const record = Object.fromEntries(parameters.map((parameter) => [parameter.name, boundaryValue(parameter.schema, resolveSchema).map(asText)]));
  return fc.tuple(fc.record(record, { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>, fc.option(fc.string({ maxLength: 20 }), { nil: undefined })).map(([values, extra]) => (extra === undefined ? values : { ...values, unexpected: extra }));
}

type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string } | { kind: 'none' };

function bodyOf(operation: Operation): fc.Arbitrary<Body> {
  const schema = operation.requestBody?.content['application/json']?.schema;
  const raw = fc.oneof(
    fc.record({ kind: fc.constant('raw' as const), text: fc.constantFrom('{', '{"a":', 'null', '[]', '"text"', ''), contentType: fc.constant('application/json') }),
    fc.record({ kind: fc.constant('raw' as const), text: fc.string({ maxLength: 50 }), contentType: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1') }),
  );
  // fetch sends no body with a GET.
  if (!schema && operation.method === 'get') return fc.constant({ kind: 'none' as const });
  if (!schema) return fc.oneof({ arbitrary: fc.constant({ kind: 'none' as const }), weight: 4 }, { arbitrary: raw, weight: 1 });
  return fc.oneof(
    { arbitrary: boundaryValue(schema, resolveSchema).map((value): Body => ({ kind: 'json', value })), weight: 6 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value): Body => ({ kind: 'json', value })), weight: 1 },
    { arbitrary: raw, weight: 1 },
  );
}

async function send(operation: Operation, path: string, query: Record<string, string>, headers: Record<string, string>, authorization: string | undefined, body: Body) {
  const url = new URL(path, shop.url);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const sent: Record<string, string> = { ...headers, ...(authorization ? { authorization } : {}) };
  if (body.kind === 'json') sent['content-type'] = 'application/json';
  if (body.kind === 'raw') sent['content-type'] = body.contentType;
  const response = await fetchReusing(url, {
    method: operation.method.toUpperCase(),
    headers: sent,
    body: body.kind === 'json' ? JSON.stringify(body.value) : body.kind === 'raw' ? body.text : undefined,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the contract check reports it
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body: parsed };
}

describe('every operation, fuzzed from its schemas', () => {
  it.each(operations.map((operation) => [operation.operationId, operation] as const))('%s answers no 5xx and only what its contract documents', async (operationId, operation) => {
    const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
    const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
    const headerParameters = operation.parameters.filter((parameter) => parameter.in === 'header');
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(...pathParameters.map(pathValue)),
        parameterValues(queryParameters),
        parameterValues(headerParameters).map((values) => Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'unexpected'))),
        fc.constantFrom(...Object.keys(callers)),
        bodyOf(operation),
        async (ids, query, headers, caller, body) => {
          tried.set(operationId, (tried.get(operationId) ?? 0) + 1);
          let index = 0;
          const path = operation.path.replace(/\{\w+\}/g, () => encodeURIComponent(ids[index++] ?? 'x'));
          const answer = await send(operation, path, query, headers, callers[caller], body);

          expect(answer.status, JSON.stringify({ path, query, headers, caller, body, answer })).toBeLessThan(500);
          expect(contractViolations(operation, answer), JSON.stringify({ path, query, headers, caller, body, answer })).toEqual([]);
        },
      ),
      { numRuns: casesPerOperation },
    );
    // The operation was reached with callers it serves, not only refused at the door.
    expect(tried.get(operationId)).toBeGreaterThanOrEqual(casesPerOperation);
  });
});
