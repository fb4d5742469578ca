import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectWith, run, strictCompilerOptions, typeErrors, workspaceRoot } from './test-support.js';

/*
 * What a frontend gets from `npm install @shoplane/api-client`: the built package
 * (`nx build api-client`, which this test target depends on) is packed, installed into a
 * fresh strict TypeScript project and compiled against. The registry is never asked: the
 * client's dependencies are packed from the monorepo's node_modules and installed beside it.
 */
interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  engines?: Record<string, string>;
  repository?: { type: string; url: string; directory: string };
  files?: string[];
}

const built = join(workspaceRoot, 'dist', 'libs', 'api-client');
const readManifest = (folder: string) => JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;
const sourceManifest = readManifest(join(workspaceRoot, 'libs', 'api-client'));
const contractVersion = (JSON.parse(readFileSync(join(workspaceRoot, 'openapi', 'openapi.json'), 'utf8')) as { info: { version: string } }).info.version;

/** The folders of the installed packages `manifest` depends on, and of theirs. */
function dependencyFolders(manifest: Manifest, from: string, found = new Map<string, string>()): string[] {
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    if (found.has(name)) continue;
    const folder = dirname(createRequire(join(from, 'package.json')).resolve(`${name}/package.json`));
    found.set(name, folder);
    dependencyFolders(readManifest(folder), folder, found);
  }
  return [...found.values()];
}

const consumer = `import { createShoplaneClient, type Problem } from '@shoplane/api-client';

let token: string | undefined;
const api = createShoplaneClient({ baseUrl: 'http://localhost:3000', token: () => token });

const login = await api.POST('/users/login', { body: { email: 'ada@example.com', password: 'correct horse battery' } });
if (login.data) token = login.data.token;

const products = await api.GET('/products', { params: { query: { category: 'kitchen', limit: 10 } } });
const firstId: string | undefined = products.data?.items[0]?.productId;

const cart = await api.POST('/cart/items', { body: { productId: firstId ?? 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 2 } });
const subtotal: number | undefined = cart.data?.subtotal.amount;
const problem: Problem | undefined = cart.error;

const order = await api.POST('/orders', {
  params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
  body: { payment: { method: 'UPI', token: 'success@razorpay' } },
});
const status: 'CREATED' | 'PAYMENT_PENDING' | 'CONFIRMED' | 'FAILED' | 'CANCELLED' | undefined = order.data?.status;

// @ts-expect-error \`colour\` is not a field of AddCartItemRequest (the API would answer 422)
await api.POST('/cart/items', { body: { productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 2, colour: 'red' } });

// @ts-expect-error quantity is an integer, not a string
await api.PUT('/cart/items/{productId}', { params: { path: { productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V' } }, body: { quantity: '2' } });

// @ts-expect-error POST /orders requires its Idempotency-Key header
await api.POST('/orders', { body: { payment: { method: 'CARD', token: 'tok_visa' } } });

console.log(subtotal, problem, status);
`;

describe('the published @shoplane/api-client package', () => {
  it('follows the contract\'s version', () => {
    expect(sourceManifest.version).toBe(contractVersion);
  });

  it('declares its Node engine, repository and files', () => {
    expect(sourceManifest.engines).toEqual({ node: '>=20' });
    expect(sourceManifest.repository).toMatchObject({ type: 'git', directory: 'libs/api-client' });
    expect(sourceManifest.files).toContain('README.md');
  });

  it('installs offline into a fresh strict TypeScript project and type-checks a consumer', async () => {
    expect(existsSync(join(built, 'package.json')), 'dist/libs/api-client is missing: run `npx nx build api-client`').toBe(true);
    const project = projectWith('shoplane-client-consumer', {
      'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: strictCompilerOptions, include: ['src/*.ts'] }),
      'src/shop.ts': consumer,
    });
    const tarballs = join(project, 'tarballs');
    mkdirSync(tarballs);
    const packed = [built, ...dependencyFolders(readManifest(built), workspaceRoot)];
    await run('npm', ['pack', '--silent', '--pack-destination', tarballs, ...packed], { cwd: project });
    const files = readdirSync(tarballs).map((file) => `./tarballs/${file}`);

    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', join(project, '.npm-cache'), ...files], { cwd: project });

    const installed = join(project, 'node_modules', '@shoplane', 'api-client');
    expect(readManifest(installed).version).toBe(contractVersion);
    expect(readdirSync(join(installed, 'src')).sort()).toEqual(expect.arrayContaining(['index.d.ts', 'index.js', 'index.js.map']));
    expect(existsSync(join(installed, 'README.md'))).toBe(true);
    expect(await typeErrors(project)).toBe('');
  }, 60_000);
});
