import { LambdaClient } from '@aws-sdk/client-lambda';
import { getProductsByIds, toEnvelope } from '@shoplane/contracts';
import { lambdaContext, sqsBatch, subscriptionBatch } from '@shoplane/testing';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { internalClient, internalHandler } from './internal.js';
import { createLogger, metricsOf } from './logger.js';
import { metricsNamespace, ServiceMetrics } from './metrics.js';
import { defaultProblems } from './problems.js';
import { eventSubscriber, maxReceiveCountVariable } from './subscriptions.js';
import { isTracingEnabled, tracedClient } from './tracing.js';

interface EmfRecord {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
}

/** The EMF records Powertools writes to stdout while metrics are on (tests run with them off). */
function capturedEmf() {
  const records: EmfRecord[] = [];
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    const text = typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
    for (const line of text.split('\n').filter((line) => line.startsWith('{"_aws"'))) records.push(JSON.parse(line) as EmfRecord);
    return true;
  });
  /** One `{ metric: dimensions }` per record, with the dimensions' values. */
  const counted = () =>
    records.flatMap((record) =>
      record._aws.CloudWatchMetrics.flatMap(({ Namespace, Dimensions, Metrics }) =>
        Metrics.map(({ Name, Unit }) => ({
          namespace: Namespace,
          name: Name,
          unit: Unit,
          value: record[Name],
          dimensions: Dimensions.map((set) => Object.fromEntries(set.map((key) => [key, record[key]]))),
        })),
      ),
    );
  return { counted };
}

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

beforeEach(() => {
  vi.stubEnv(maxReceiveCountVariable, '3');
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('business metrics', () => {
  it('counts an occurrence in the Shoplane namespace under the service dimension', () => {
    const emf = capturedEmf();
    const metrics = new ServiceMetrics('orders', createLogger('orders'));

    metrics.count('OrdersCreated');
    metrics.powertools.publishStoredMetrics();

    expect(emf.counted()).toEqual([{ namespace: metricsNamespace, name: 'OrdersCreated', unit: 'Count', value: 1, dimensions: [{ service: 'orders' }] }]);
  });

  it('counts a broken-down occurrence twice: under service alone, and under service and reason', () => {
    const emf = capturedEmf();
    const metrics = new ServiceMetrics('orders', createLogger('orders'));

    metrics.count('OrdersFailed', { reason: 'out-of-stock' });
    metrics.powertools.publishStoredMetrics();

    expect(emf.counted().map(({ name, value, dimensions }) => ({ name, value, dimensions }))).toEqual([
      { name: 'OrdersFailed', value: 1, dimensions: [{ service: 'orders', reason: 'out-of-stock' }] },
      { name: 'OrdersFailed', value: 1, dimensions: [{ service: 'orders' }] },
    ]);
  });
});

describe('every wrapped function', () => {
  it('counts its cold start once, flushes what an invocation counted at its end, and nothing more', async () => {
    const emf = capturedEmf();
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const service = unique('cold');
    const logger = createLogger(service);
    let invocation = 0;
    const handler = internalHandler(getProductsByIds, { logger, problems: defaultProblems }, async () => {
      invocation += 1;
      if (invocation === 2) metricsOf(logger).count('OrdersConfirmed');
      return { products: [], missing: [] };
    });

    for (let i = 0; i < 3; i++) await handler({ productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'] }, lambdaContext(`shoplane-test-${service}`));

    expect(emf.counted().map(({ name, dimensions }) => ({ name, dimensions }))).toEqual([
      { name: 'ColdStart', dimensions: [{ service, function_name: `shoplane-test-${service}` }] },
      { name: 'OrdersConfirmed', dimensions: [{ service }] },
    ]);
  });

  it('flushes what was counted when the function throws', async () => {
    const emf = capturedEmf();
    const service = unique('throws');
    const logger = createLogger(service);
    const handler = internalHandler(getProductsByIds, { logger, problems: defaultProblems }, async () => {
      metricsOf(logger).count('NotificationsFailed');
      throw new Error('store unavailable');
    });

    await expect(handler({ productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'] })).rejects.toThrow();

    expect(emf.counted().filter(({ name }) => name === 'NotificationsFailed')).toHaveLength(1);
  });
});

describe('dead-lettered messages', () => {
  const created = toEnvelope('products', {
    eventType: 'ProductCreated',
    correlationId: 'c-1',
    data: { productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', name: 'Kettle', category: 'kitchen', price: { amount: 100, currency: 'USD' }, stock: 5 },
  });
  const onReceive = (batch: SQSEvent, receiveCount: number): SQSEvent => ({
    Records: batch.Records.map((record) => ({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: String(receiveCount) } })),
  });

  it('counts an unreadable event the consumer drops, and a failure on the queue\'s last receive, not before', async () => {
    const emf = capturedEmf();
    const service = unique('consumer');
    const consume = eventSubscriber(
      {
        ProductCreated: async () => {
          throw new Error('store unavailable');
        },
      },
      createLogger(service),
    );

    await consume(sqsBatch('not json'));
    await consume(onReceive(subscriptionBatch(created), 1));
    await consume(onReceive(subscriptionBatch(created), 2));
    const last = await consume(onReceive(subscriptionBatch(created), 3));

    expect(last.batchItemFailures).toHaveLength(1);
    expect(emf.counted().filter(({ name }) => name === 'MessagesDeadLettered').map(({ dimensions }) => dimensions)).toEqual([[{ service }], [{ service }]]);
  });
});

describe('correlation ids of internal operations', () => {
  it('logs the caller\'s correlation id with the operation, hands it to the implementation and keeps it out of the input', async () => {
    const logger = createLogger(unique('internal'));
    logger.setLogLevel('INFO');
    const lines: Record<string, unknown>[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      const text = typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
      for (const line of text.split('\n').filter((line) => line.includes('"message"'))) lines.push(JSON.parse(line) as Record<string, unknown>);
      return true;
    });
    const seen: unknown[] = [];
    const handler = internalHandler(getProductsByIds, { logger, problems: defaultProblems }, async (input, call) => {
      seen.push(input, call);
      logger.info('looked up');
      return { products: [], missing: input.productIds };
    });

    await handler({ productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'], correlationId: 'checkout-corr-1' });
    await handler({ productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'] });

    expect(seen).toEqual([{ productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'] }, { correlationId: 'checkout-corr-1' }, { productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'] }, {}]);
    expect(lines).toEqual([
      expect.objectContaining({ message: 'looked up', correlationId: 'checkout-corr-1' }),
      expect.not.objectContaining({ correlationId: expect.anything() }),
    ]);
  });

  it('is passed along by internalClient beside the input', async () => {
    const payloads: unknown[] = [];
    const send = async (command: { input: { Payload?: Uint8Array } }) => {
      payloads.push(JSON.parse(new TextDecoder().decode(command.input.Payload)));
      return { StatusCode: 200, Payload: new TextEncoder().encode(JSON.stringify({ ok: true, result: { products: [], missing: [] } })) };
    };
    const client = internalClient(getProductsByIds, { env: { INVOKE_PRODUCTS_GETPRODUCTSBYIDS: 'products-fn' }, client: { send } as unknown as LambdaClient });

    await client.call({ productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'] }, { correlationId: 'req-7' });
    await client.call({ productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'] });

    expect(payloads).toEqual([{ productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'], correlationId: 'req-7' }, { productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'] }]);
  });

  it('refuses nothing for a correlation id that is not one, and logs none', async () => {
    const handler = internalHandler(getProductsByIds, { logger: createLogger(unique('internal')), problems: defaultProblems }, async (_input, call) => {
      expect(call).toEqual({});
      return { products: [], missing: [] };
    });

    expect(await handler({ productIds: ['prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V'], correlationId: 'has spaces and <tags>' })).toMatchObject({ ok: true });
  });
});

describe('tracing', () => {
  it('is off outside Lambda, on in Lambda, and off there when POWERTOOLS_TRACE_ENABLED is false', () => {
    expect(isTracingEnabled({})).toBe(false);
    expect(isTracingEnabled({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' })).toBe(true);
    expect(isTracingEnabled({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', POWERTOOLS_TRACE_ENABLED: 'false' })).toBe(false);
    expect(isTracingEnabled({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', AWS_SAM_LOCAL: 'true' })).toBe(false);
  });

  it('leaves clients untouched where tracing is off', () => {
    const client = new LambdaClient({});
    const middlewares = client.middlewareStack.identify();

    expect(tracedClient(client)).toBe(client);
    expect(client.middlewareStack.identify()).toEqual(middlewares);
  });
});
