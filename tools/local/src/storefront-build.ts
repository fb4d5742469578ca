import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

/**
 * `npm start` serves the built storefront at `/`. A fresh clone has no build, and an
 * edited source makes the build stale, so start builds it when it is missing or older
 * than what it is built from (Vite takes about a second), while DynamoDB Local starts.
 */
export type StorefrontBuild =
  | { state: 'fresh' }
  | { state: 'built'; ms: number }
  | { state: 'failed'; reason: string };

/** What the build reads, relative to the workspace root. */
export const storefrontSources = ['apps/storefront/src', 'apps/storefront/index.html', 'apps/storefront/vite.app.config.ts', 'libs/api-client/src'];
export const storefrontPage = 'dist/apps/storefront/site/index.html';

/** The newest file's change time under `path` (files only: a directory's own time moves whenever anything is listed into it). */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** True when the page is missing or any source changed after it was built. */
export function storefrontIsStale(root: string): boolean {
  const page = join(root, storefrontPage);
  if (!existsSync(page)) return true;
  const builtAt = statSync(page).mtimeMs;
  return storefrontSources.some((source) => newestChange(join(root, source)) > builtAt);
}

const run = promisify(execFile);

/** Runs the storefront's own Vite 8 (nested in its workspace; the root vite is vitest's). */
export async function viteBuild(root: string): Promise<void> {
  const vite = join(root, 'apps', 'storefront', 'node_modules', '.bin', 'vite');
  if (!existsSync(vite)) throw new Error('apps/storefront has no vite installed; run npm ci');
  await run(vite, ['build', '--config', 'apps/storefront/vite.app.config.ts', '--logLevel', 'error'], { cwd: root });
}

export async function ensureStorefrontBuilt(root: string, build: (root: string) => Promise<void> = viteBuild): Promise<StorefrontBuild> {
  if (!storefrontIsStale(root)) return { state: 'fresh' };
  const started = performance.now();
  try {
    await build(root);
    return { state: 'built', ms: Math.round(performance.now() - started) };
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const reason = typeof stderr === 'string' && stderr.trim() ? stderr.trim() : error instanceof Error ? error.message : String(error);
    return { state: 'failed', reason };
  }
}

/** The banner's line about the storefront. */
export function storefrontLine(url: string, build: StorefrontBuild): string {
  switch (build.state) {
    case 'fresh':
      return `  Store      ${url}/  (the storefront, up to date)`;
    case 'built':
      return `  Store      ${url}/  (the storefront, built now in ${(build.ms / 1000).toFixed(1)} s)`;
    case 'failed':
      return `  Store      ${url}/  NOT BUILT: ${build.reason.split('\n')[0]} (npx nx build storefront shows why)`;
  }
}
