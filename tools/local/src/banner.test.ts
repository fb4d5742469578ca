import { describe, expect, it } from 'vitest';
import { banner, type BannerInput } from './banner.js';
import { storefrontLine } from './storefront-build.js';

const shop: BannerInput = {
  url: 'http://localhost:3000',
  services: [
    {
      name: 'orders',
      tableName: 'shoplane-local-orders',
      routes: [{ method: 'post', path: '/orders', auth: 'user', operationId: 'createOrder', service: 'orders', functionName: 'shoplane-local-orders-create' }],
      subscriptions: [{ eventTypes: ['PaymentSucceeded'], functionName: 'shoplane-local-orders-on-payment' }],
      internalOperations: [{ name: 'getOrder', functionName: 'shoplane-local-orders-get', variable: 'INVOKE_ORDERS_GETORDER', parameter: '/shoplane/local/orders/getOrder' }],
      schedules: [{ functionName: 'shoplane-local-orders-sweep-stuck-orders', everyMinutes: 5 }],
      missingFunctions: [],
    },
    {
      name: 'carts',
      tableName: 'shoplane-local-carts',
      routes: [{ method: 'get', path: '/cart', auth: 'user', operationId: 'getCart', service: 'carts', functionName: 'shoplane-local-carts-get-cart' }],
      subscriptions: [],
      internalOperations: [],
      missingFunctions: ['shoplane-local-carts-get-cart'],
    },
  ],
  dynamodb: { endpoint: 'http://127.0.0.1:8000', reachability: { reachableFrom: 'this machine only' } },
  controlPlane: { endpoint: 'http://127.0.0.1:9000' },
  seedLines: [{ service: 'users', lines: ['admin: admin@shoplane.local / secret'] }],
  timings: { discovery: 100, dynamoDb: 1400, handlers: 900, tables: 120, seeds: 300 },
  warnings: ['carts: no handler file yet for get-cart (routes answer 501, nothing is delivered to them)'],
};

describe('the npm start banner', () => {
  it('starts with the ready line, the time it took and where the time went', () => {
    // Act
    const [first, second] = banner(shop, 2345);

    // Assess
    expect(first).toBe('Shoplane local runtime ready in 2.3 s');
    expect(second).toBe('  (DynamoDB Local 1.4 s while handlers loaded in 0.9 s; tables and streams 0.1 s; seeds 0.3 s)');
  });

  it('lists each route with its auth level under its service, with subscriptions, internal operations and schedules', () => {
    // Act
    const text = banner(shop, 1000).join('\n');

    // Assess
    expect(text).toContain('  orders  (table shoplane-local-orders)\n    POST   /orders  user    createOrder');
    expect(text).toContain('on PaymentSucceeded → shoplane-local-orders-on-payment');
    expect(text).toContain('internal orders.getOrder → shoplane-local-orders-get (INVOKE_ORDERS_GETORDER)');
    expect(text).toContain('every 5 min → shoplane-local-orders-sweep-stuck-orders');
  });

  it('marks routes whose handler is not written yet and lists the warnings', () => {
    // Act
    const text = banner(shop, 1000).join('\n');

    // Assess
    expect(text).toContain('GET    /cart    user    getCart  (no handler yet: 501)');
    expect(text).toContain('  Warnings\n    carts: no handler file yet for get-cart');
  });

  it('says where the docs, the store and the operator endpoints are, and prints the seed lines', () => {
    // Act
    const text = banner(shop, 1000).join('\n');

    // Assess
    expect(text).toContain('Docs       http://localhost:3000/docs/');
    expect(text).toContain('DynamoDB   http://127.0.0.1:8000  (in memory');
    expect(text).toContain('users: admin: admin@shoplane.local / secret');
    expect(text).toContain('http://localhost:3000/__local/dead-letters');
  });

  it('says who can reach the local store, and warns plainly when it is the whole network', () => {
    const exposed: BannerInput = {
      ...shop,
      dynamodb: { ...shop.dynamodb, reachability: { reachableFrom: 'every network interface', reason: 'no jdk.compiler module' } },
    };

    expect(banner(shop, 1000).join('\n')).toContain('reachable from this machine only');
    const text = banner(exposed, 1000).join('\n');
    expect(text).toContain('reachable from every network interface');
    expect(text).toMatch(/Warnings[\s\S]*DynamoDB Local listens on every network interface with no authentication \(no jdk.compiler module\)/);
  });

  it('says where the e-mails and SMS the shop sent can be read', () => {
    // Act
    const text = banner(shop, 1000).join('\n');

    // Assess
    expect(text).toContain('Outbox     http://localhost:3000/__local/outbox');
    expect(text).toContain('SES, SNS');
  });

  it('lists each orchestrator with its state machine and subscriptions, and the executions view', () => {
    // Prepare
    const withCheckout: BannerInput = {
      ...shop,
      orchestrators: [
        {
          name: 'checkout',
          stateMachines: [{ name: 'shoplane-local-checkout', arn: 'arn:aws:states:us-east-1:000000000000:stateMachine:shoplane-local-checkout', states: 44 }],
          subscriptions: [{ eventTypes: ['OrderCreated'], functionName: 'shoplane-local-checkout-start-checkout' }],
          missingFunctions: [],
          startMs: 800,
        },
      ],
    };

    // Act
    const text = banner(withCheckout, 1000).join('\n');

    // Assess
    expect(text).toContain('  checkout  (state machine shoplane-local-checkout, 44 states; synthesized in 0.8 s)\n    on OrderCreated → shoplane-local-checkout-start-checkout');
    expect(text).toContain('http://localhost:3000/__local/executions');
  });

  it('names the storefront at / above the API, and whether start built it', () => {
    // Act
    const lines = banner(shop, 2345, storefrontLine(shop.url, { state: 'built', ms: 1234 }));

    // Assess
    expect(lines.slice(3, 5)).toEqual(['  Store      http://localhost:3000/  (the storefront, built now in 1.2 s)', '  API        http://localhost:3000']);
  });
});
