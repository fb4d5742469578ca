/**
 * After `vite build`: the gzipped JavaScript a shopper downloads (the entry chunk and
 * everything it imports statically; the lazily loaded admin area is reported apart),
 * failing the build above the budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { workspaceRoot } from '@shoplane/manifest';
import { shopperBundle, type ViteManifest } from './bundle-graph.js';

export const budgetBytes = 150 * 1024;

const site = join(workspaceRoot(), 'dist', 'apps', 'storefront', 'site');
const manifest = JSON.parse(readFileSync(join(site, '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
const gzipped = (file: string) => gzipSync(readFileSync(join(site, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const { shopper, lazy } = shopperBundle(manifest);
const shopperBytes = shopper.reduce((sum, file) => sum + gzipped(file), 0);
const lazyBytes = lazy.reduce((sum, file) => sum + gzipped(file), 0);
console.log(`storefront: shopper pages ${kb(shopperBytes)} of JavaScript gzipped (${shopper.length} files; budget ${kb(budgetBytes)})`);
console.log(`storefront: loaded on demand (admin area) ${kb(lazyBytes)} gzipped (${lazy.length} files)`);
if (shopperBytes > budgetBytes) {
  console.error(`storefront: the shopper pages' JavaScript is over the budget by ${kb(shopperBytes - budgetBytes)}.`);
  process.exit(1);
}
