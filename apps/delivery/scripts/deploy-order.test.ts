import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineOrchestrator, defineService, workspaceRoot } from '@shoplane/manifest';
import { describe, expect, it } from 'vitest';
import { contextArguments, deployableByCi, deploymentOrder, deployTimeDependencies } from './deploy-order.js';

describe('deploymentOrder', () => {
  it('deploys the platform first and the rest in name order when nothing depends on anything', () => {
    expect(deploymentOrder(['users', 'docs', 'platform', 'carts'])).toEqual(['platform', 'carts', 'docs', 'users']);
  });

  it('deploys an app after the apps whose parameters it reads', () => {
    const dependencies = new Map([
      ['carts', ['products']],
      ['orders', ['carts', 'products']],
      ['inventory', ['analytics']],
    ]);

    expect(deploymentOrder(['orders', 'inventory', 'carts', 'products', 'analytics', 'platform'], dependencies)).toEqual([
      'platform',
      'analytics',
      'inventory',
      'products',
      'carts',
      'orders',
    ]);
  });

  it('ignores dependencies that are not being deployed: they are deployed already', () => {
    expect(deploymentOrder(['orders', 'users'], new Map([['orders', ['carts', 'products']]]))).toEqual(['orders', 'users']);
  });

  it('deploys nothing when nothing is affected, and the platform alone when only it is', () => {
    expect(deploymentOrder([])).toEqual([]);
    expect(deploymentOrder(['platform'])).toEqual(['platform']);
  });

  it('refuses apps that depend on each other, naming them', () => {
    const cycle = new Map([
      ['orders', ['carts']],
      ['carts', ['orders']],
    ]);

    expect(() => deploymentOrder(['platform', 'users', 'orders', 'carts'], cycle)).toThrow('none can go first: carts, orders');
  });
});

describe('deployableByCi', () => {
  it('leaves out the delivery stack, which holds the role CI deploys with', () => {
    expect(deployableByCi(['platform', 'delivery', 'users'])).toEqual(['platform', 'users']);
  });
});

describe('deployTimeDependencies', () => {
  it("names the owners of the internal operations and queues a service's functions use, not itself", () => {
    const service = defineService({
      name: 'orders',
      table: { partitionKey: { name: 'PK', type: 'S' }, stream: { handler: 'publish', sendsTo: ['analytics.ingest'] } },
      routes: [],
      internalOperations: [
        { name: 'getOrder', handler: 'get-order', invokes: ['orders.confirmOrder', 'products.getProductsByIds'] },
        { name: 'price', handler: 'price', invokes: ['products.getProductsByIds'] },
      ],
    });

    expect(deployTimeDependencies({ service })).toEqual(['analytics', 'products']);
  });

  it("names the owners of the operations an orchestrator's state machine and functions invoke", () => {
    const orchestrator = defineOrchestrator({
      name: 'checkout',
      stateMachine: { arnVariable: 'ARN', invokes: ['orders.confirmOrder', 'inventory.reserveStock'], startedBy: ['start'] },
      subscriptions: [{ eventTypes: ['OrderCreated'], handler: 'start' }],
      invokes: { start: ['payments.refundPayment'] },
    });

    expect(deployTimeDependencies({ orchestrator })).toEqual(['inventory', 'orders', 'payments']);
  });

  it('is empty for an app without a manifest export', () => {
    expect(deployTimeDependencies({})).toEqual([]);
  });
});

describe("the workspace's apps", () => {
  it('deploy in an order where every app comes after the apps it reads at deploy time', async () => {
    const apps = join(workspaceRoot(), 'apps');
    const withManifest = readdirSync(apps).filter((name) => existsSync(join(apps, name, 'src', 'service.ts')));
    const dependencies = new Map<string, string[]>();
    for (const app of withManifest) {
      const exports = (await import(pathToFileURL(join(apps, app, 'src', 'service.ts')).href)) as Record<string, unknown>;
      dependencies.set(app, deployTimeDependencies(exports));
    }

    const order = deploymentOrder(['platform', 'docs', ...withManifest], dependencies);

    expect(order[0]).toBe('platform');
    expect(dependencies.get('carts')).toContain('products');
    expect(dependencies.get('inventory')).toContain('analytics');
    for (const [app, needs] of dependencies) {
      for (const dependency of needs) expect(order.indexOf(dependency), `${dependency} before ${app}`).toBeLessThan(order.indexOf(app));
    }
  });
});

describe('contextArguments', () => {
  it('turns a JSON object into -c key=value pairs, one argument each, spaces kept', () => {
    expect(contextArguments('{"senderAddress":"Shoplane <orders@shop.example.org>","paymentTimeoutSeconds":600}')).toEqual([
      '-c',
      'senderAddress=Shoplane <orders@shop.example.org>',
      '-c',
      'paymentTimeoutSeconds=600',
    ]);
  });

  it('is empty when the variable is unset or blank', () => {
    expect(contextArguments(undefined)).toEqual([]);
    expect(contextArguments('  ')).toEqual([]);
  });

  it.each([
    ['not JSON', 'senderAddress=x', 'must be a JSON object'],
    ['a list', '["a"]', 'must be a JSON object'],
    ['a nested value', '{"a":{"b":1}}', '"a" must be a string, number or boolean'],
    ['the stage', '{"stage":"prod"}', 'may not set "stage"'],
  ])('refuses %s', (_kind, json, message) => {
    expect(() => contextArguments(json)).toThrow(message);
  });
});
