import type { LambdaClient } from '@aws-sdk/client-lambda';
import { BusyError, DomainError, getProductsByIds } from '@shoplane/contracts';
import { describe, expect, it, vi } from 'vitest';
import { NotFoundError } from './errors.js';
import { internalClient, internalHandler, RemoteProblemError, type InternalLambdaHandler } from './internal.js';
import { createLogger } from './logger.js';
import { defaultProblems, defineProblems, problem } from './problems.js';

const logger = createLogger('internal-test');

class ShelfEmptyError extends DomainError {
  constructor(index: number) {
    super('shelf-empty', 'The shelf is empty.', { violations: [{ path: `productIds.${index}`, message: 'is not on the shelf' }] });
  }
}
const env = { INVOKE_PRODUCTS_GETPRODUCTSBYIDS: 'shoplane-test-products-get-products-by-ids' };

/** Stands in for Lambda Invoke: hands the payload to the handler as the runtime would. */
function invokingClient(handler: InternalLambdaHandler, invoked: string[] = []): LambdaClient {
  const send = async (command: { input: { FunctionName?: string; Payload?: Uint8Array } }) => {
    invoked.push(command.input.FunctionName ?? '');
    try {
      const result = await handler(JSON.parse(new TextDecoder().decode(command.input.Payload)));
      return { StatusCode: 200, Payload: new TextEncoder().encode(JSON.stringify(result)) };
    } catch (error) {
      return { StatusCode: 200, FunctionError: 'Unhandled', Payload: new TextEncoder().encode(JSON.stringify({ errorMessage: String(error) })) };
    }
  };
  return { send } as unknown as LambdaClient;
}

const product = {
  productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
  name: 'Kettle',
  description: '',
  category: 'kitchen',
  price: { amount: 2599, currency: 'USD' as const },
  status: 'active' as const,
  availableStock: 3,
  inStock: true,
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
};

describe('internal operations', () => {
  it('carry a validated request to the owning service and its typed answer back', async () => {
    const invoked: string[] = [];
    const handler = internalHandler(getProductsByIds, { logger, problems: defaultProblems }, async ({ productIds }) => ({ products: [product], missing: productIds.slice(1) }));
    const client = internalClient(getProductsByIds, { env, client: invokingClient(handler, invoked) });

    const answer = await client.call({ productIds: [product.productId, 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7W'] });

    expect(answer).toEqual({ products: [product], missing: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7W'] });
    expect(invoked).toEqual(['shoplane-test-products-get-products-by-ids']);
  });

  it('answer a problem for invalid input instead of failing the invocation', async () => {
    const handler = internalHandler(getProductsByIds, { logger, problems: defaultProblems }, async () => ({ products: [], missing: [] }));

    const answer = await handler({ productIds: [] });

    expect(answer).toMatchObject({ ok: false, problem: { status: 422, errors: [{ path: 'productIds' }] } });
  });

  it('surface the owner\'s refusal to the caller as the same problem', async () => {
    const handler = internalHandler(getProductsByIds, { logger, problems: defaultProblems }, async () => {
      throw new NotFoundError('No such thing.', 'thing-not-found');
    });
    const client = internalClient(getProductsByIds, { env, client: invokingClient(handler) });

    const call = client.call({ productIds: [product.productId] });

    await expect(call).rejects.toBeInstanceOf(RemoteProblemError);
    await expect(call).rejects.toMatchObject({ status: 404, problemType: 'thing-not-found' });
  });

  it('answer a mapped domain error as its problem, so the caller gets a typed refusal', async () => {
    const problems = defineProblems(problem(ShelfEmptyError, { status: 409 }));
    const handler = internalHandler(getProductsByIds, { logger, problems }, async () => {
      throw new ShelfEmptyError(2);
    });

    const answer = await handler({ productIds: [product.productId] });

    expect(answer).toEqual({
      ok: false,
      problem: {
        type: 'https://shoplane.dev/problems/shelf-empty',
        title: 'Conflict',
        status: 409,
        detail: 'The shelf is empty.',
        errors: [{ path: 'productIds.2', message: 'is not on the shelf' }],
      },
    });
  });

  it('fail the invocation, logged, for a domain error the table does not answer or answers with a 5xx', async () => {
    const logged = vi.spyOn(logger, 'error');
    const unmapped = internalHandler(getProductsByIds, { logger, problems: defaultProblems }, async () => {
      throw new ShelfEmptyError(0);
    });
    const busy = internalHandler(getProductsByIds, { logger, problems: defaultProblems }, async () => {
      throw new BusyError('shelf');
    });

    await expect(unmapped({ productIds: [product.productId] })).rejects.toBeInstanceOf(ShelfEmptyError);
    await expect(busy({ productIds: [product.productId] })).rejects.toMatchObject({ status: 503 });
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it('turn a crashed or unreachable owner into 503 for the caller', async () => {
    const handler = internalHandler(getProductsByIds, { logger, problems: defaultProblems }, async () => {
      throw new Error('table missing');
    });
    const client = internalClient(getProductsByIds, { env, client: invokingClient(handler) });

    await expect(client.call({ productIds: [product.productId] })).rejects.toMatchObject({ status: 503 });
  });

  it('refuse an answer that breaks the contract', async () => {
    const handler = (async () => ({ ok: true, result: { products: 'nope' } })) as InternalLambdaHandler;
    const client = internalClient(getProductsByIds, { env, client: invokingClient(handler) });

    await expect(client.call({ productIds: [product.productId] })).rejects.toMatchObject({ status: 503 });
  });
});
