import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureStorefrontBuilt, storefrontIsStale, storefrontLine, storefrontPage } from './storefront-build.js';

function workspace(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'shoplane-start-'));
  for (const [path, secondsAgo] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, path);
    const at = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(file, at, at);
  }
  return root;
}

describe('the storefront build at npm start', () => {
  it('is needed when nothing is built', () => {
    expect(storefrontIsStale(workspace({ 'apps/storefront/src/main.tsx': 60 }))).toBe(true);
  });

  it('is needed when a source, or the client it uses, changed after the build', () => {
    expect(storefrontIsStale(workspace({ [storefrontPage]: 60, 'apps/storefront/src/pages/cart-page.tsx': 10 }))).toBe(true);
    expect(storefrontIsStale(workspace({ [storefrontPage]: 60, 'apps/storefront/src/main.tsx': 120, 'libs/api-client/src/index.ts': 5 }))).toBe(true);
  });

  it('is skipped when the build is newer than every source', async () => {
    const root = workspace({ [storefrontPage]: 10, 'apps/storefront/src/main.tsx': 60, 'apps/storefront/index.html': 60 });
    const builds: string[] = [];

    const result = await ensureStorefrontBuilt(root, async (at) => void builds.push(at));

    expect(result).toEqual({ state: 'fresh' });
    expect(builds).toEqual([]);
  });

  it('builds a stale storefront and reports a failed build without stopping the start', async () => {
    const root = workspace({ 'apps/storefront/src/main.tsx': 60 });

    const built = await ensureStorefrontBuilt(root, async () => undefined);
    const failed = await ensureStorefrontBuilt(root, async () => {
      throw Object.assign(new Error('Command failed'), { stderr: 'src/app.tsx: Unexpected token\n  at line 3' });
    });

    expect(built.state).toBe('built');
    expect(failed).toEqual({ state: 'failed', reason: 'src/app.tsx: Unexpected token\n  at line 3' });
    expect(storefrontLine('http://localhost:3000', failed)).toBe(
      '  Store      http://localhost:3000/  NOT BUILT: src/app.tsx: Unexpected token (npx nx build storefront shows why)',
    );
  });
});
