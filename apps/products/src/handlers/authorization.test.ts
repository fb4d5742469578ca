import { archiveProduct, createProduct, getProduct, listProducts, updateProduct, type HttpOperation } from '@shoplane/contracts';
import type { HttpLambdaHandler } from '@shoplane/lambda-kit';
import { apiEvent, invoke } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createdProduct, productsTestbed, validProduct, type ProductsTestbed } from '../test-support.js';

let bed: ProductsTestbed;

beforeAll(async () => {
  bed = await productsTestbed();
});

type Caller = 'anonymous' | 'customer' | 'admin';

interface RouteCase {
  operation: HttpOperation;
  handler: () => HttpLambdaHandler;
  /** Builds the request; each case gets its own product so cases never depend on each other. */
  request: () => Promise<{ body?: unknown; pathParameters?: Record<string, string> }>;
}

const routes: Record<string, RouteCase> = {
  'POST /products': { operation: createProduct, handler: () => bed.handlers.create, request: async () => ({ body: validProduct() }) },
  'GET /products': { operation: listProducts, handler: () => bed.handlers.list, request: async () => ({}) },
  'GET /products/{productId}': {
    operation: getProduct,
    handler: () => bed.handlers.get,
    request: async () => ({ pathParameters: { productId: await createdProduct(bed) } }),
  },
  'PATCH /products/{productId}': {
    operation: updateProduct,
    handler: () => bed.handlers.update,
    request: async () => ({ pathParameters: { productId: await createdProduct(bed) }, body: { name: 'Renamed' } }),
  },
  'DELETE /products/{productId}': {
    operation: archiveProduct,
    handler: () => bed.handlers.archive,
    request: async () => ({ pathParameters: { productId: await createdProduct(bed) } }),
  },
};

const matrix: [string, Caller, number][] = [
  ['POST /products', 'anonymous', 401],
  ['POST /products', 'customer', 403],
  ['POST /products', 'admin', 201],
  ['GET /products', 'anonymous', 200],
  ['GET /products', 'customer', 200],
  ['GET /products', 'admin', 200],
  ['GET /products/{productId}', 'anonymous', 200],
  ['GET /products/{productId}', 'customer', 200],
  ['GET /products/{productId}', 'admin', 200],
  ['PATCH /products/{productId}', 'anonymous', 401],
  ['PATCH /products/{productId}', 'customer', 403],
  ['PATCH /products/{productId}', 'admin', 200],
  ['DELETE /products/{productId}', 'anonymous', 401],
  ['DELETE /products/{productId}', 'customer', 403],
  ['DELETE /products/{productId}', 'admin', 204],
];

describe('who may call which products route', () => {
  it.each(matrix)('%s as %s answers %i', async (route, caller, expected) => {
    const spec = routes[route];
    if (!spec) throw new Error(`no route case for ${route}`);
    const token = caller === 'anonymous' ? undefined : bed.tokens[caller];

    const response = await invoke(spec.handler(), apiEvent(spec.operation, { ...(await spec.request()), token }));

    expect(response.status).toBe(expected);
  });

  it('refuses a customer before anything is written', async () => {
    const before = await bed.outboxEvents();

    const response = await invoke(bed.handlers.create, apiEvent(createProduct, { body: validProduct({ name: 'Sneaky' }), token: bed.tokens.customer }));

    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(await bed.outboxEvents()).toHaveLength(before.length);
  });

  it('asks an anonymous caller for a bearer token', async () => {
    const productId = await createdProduct(bed);

    const response = await invoke(bed.handlers.archive, apiEvent(archiveProduct, { pathParameters: { productId } }));

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect((await bed.products.findById(productId))?.status).toBe('active');
  });
});
