import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureRoot } from './__fixtures__/index.js';
import { discoverServices, loadFunctions } from './discovery.js';
import { lambdaContext } from './functions.js';

/** A throwaway root with one service whose manifest is given as source text. */
function rootWith(folder: string, manifestSource: string): string {
  const root = mkdtempSync(join(tmpdir(), 'shoplane-discovery-'));
  mkdirSync(join(root, 'apps', folder, 'src', 'handlers'), { recursive: true });
  writeFileSync(join(root, 'apps', folder, 'src', 'service.ts'), manifestSource);
  return root;
}

const manifest = (name: string, handler: string) =>
  `export const service = { name: '${name}', table: { partitionKey: { name: 'PK', type: 'S' } }, routes: [{ operation: { method: 'get', path: '/x' }, handler: '${handler}' }] };`;

describe('service discovery', () => {
  it('loads every apps/*/src/service.ts and skips apps without one', async () => {
    // Act
    const services = await discoverServices(fixtureRoot);

    // Assess
    expect(services.map((service) => service.manifest.name)).toEqual(['catalog', 'drafts']);
    expect(services[0]?.seedFile).toBe(join(fixtureRoot, 'apps', 'catalog', 'src', 'seed.ts'));
  });

  it('notes the handlers a manifest declares that have no file yet', async () => {
    // Act
    const services = await discoverServices(fixtureRoot);

    // Assess
    expect(services.map((service) => [service.manifest.name, service.missingHandlers])).toEqual([
      ['catalog', []],
      ['drafts', ['list-drafts', 'on-thing-created']],
    ]);
  });

  it('refuses a manifest named differently from its folder', async () => {
    // Prepare
    const root = rootWith('orders', manifest('order', 'create-order'));

    // Act
    const discovering = discoverServices(root);

    // Assess
    await expect(discovering).rejects.toThrow('declares service "order", but lives in apps/orders');
  });

  it('turns a module without a handler export into a function that fails like Lambda’s Runtime.HandlerNotFound', async () => {
    // Prepare
    const root = rootWith('orders', manifest('orders', 'create-order'));
    writeFileSync(join(root, 'apps', 'orders', 'src', 'handlers', 'create-order.ts'), 'export const main = () => 1;');
    const [fn] = await loadFunctions(await discoverServices(root));

    // Act
    const invoking = async () => fn?.run({}, lambdaContext('shoplane-local-orders-create-order'));

    // Assess
    expect(fn?.initError).toContain('create-order.ts does not export `handler(event, context)`');
    await expect(invoking()).rejects.toMatchObject({ name: 'Runtime.HandlerNotFound' });
  });

  it('turns a module that fails to import into a function that fails like Lambda’s Runtime.ImportModuleError', async () => {
    // Prepare
    const root = rootWith('orders', manifest('orders', 'create-order'));
    writeFileSync(join(root, 'apps', 'orders', 'src', 'handlers', 'create-order.ts'), "throw new Error('ORDERS_TABLE_NAME is not set');\nexport const handler = () => 1;");
    const [fn] = await loadFunctions(await discoverServices(root));

    // Act
    const invoking = async () => fn?.run({}, lambdaContext('shoplane-local-orders-create-order'));

    // Assess
    await expect(invoking()).rejects.toMatchObject({ name: 'Runtime.ImportModuleError', message: expect.stringContaining('ORDERS_TABLE_NAME is not set') });
  });

  it('names each function as it is named in AWS', async () => {
    // Act
    const functions = await loadFunctions(await discoverServices(fixtureRoot));

    // Assess
    expect(functions.map((fn) => fn.name)).toContain('shoplane-local-catalog-create-thing');
    expect(functions.map((fn) => fn.name)).toContain('shoplane-local-catalog-on-change');
  });
});
