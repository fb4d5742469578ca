import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SiteSources {
  page: string;
  scalarBundle: string;
  spec: string;
}

/** The three files the site is made of, from the workspace (the same files the local runtime serves at /docs/). */
export function siteSources(workspaceRoot: string): SiteSources {
  return {
    page: join(workspaceRoot, 'apps', 'docs', 'site', 'index.html'),
    scalarBundle: createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js'),
    spec: join(workspaceRoot, 'openapi', 'openapi.json'),
  };
}

/** Copies the site into `outDir` (emptied first, so a removed file does not linger in the deployment). */
export function buildSite(sources: SiteSources, outDir: string): string[] {
  const missing = Object.values(sources).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`Cannot build the docs site, missing: ${missing.join(', ')} (openapi.json comes from \`npm run generate\`).`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files: Array<[string, string]> = [
    [sources.page, 'index.html'],
    [sources.scalarBundle, 'standalone.js'],
    [sources.spec, 'openapi.json'],
  ];
  for (const [from, name] of files) copyFileSync(from, join(outDir, name));
  return files.map(([, name]) => name);
}

const isEntryPoint = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const outDir = join(workspaceRoot, 'dist', 'apps', 'docs', 'site');
  const files = buildSite(siteSources(workspaceRoot), outDir);
  console.log(`Docs site in ${outDir}: ${files.join(', ')}`);
}
