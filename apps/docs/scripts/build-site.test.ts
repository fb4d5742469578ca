import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, siteSources, type SiteSources } from './build-site.js';

function fakeSources(): SiteSources {
  const folder = mkdtempSync(join(tmpdir(), 'shoplane-site-sources-'));
  const sources = {
    page: join(folder, 'page.html'),
    scalarBundle: join(folder, 'bundle.js'),
    spec: join(folder, 'spec.json'),
  };
  writeFileSync(sources.page, '<html></html>');
  writeFileSync(sources.scalarBundle, '/* scalar */');
  writeFileSync(sources.spec, '{"openapi":"3.1.0"}');
  return sources;
}

describe('buildSite', () => {
  it('copies the page, the Scalar bundle and the spec under the names the page loads', () => {
    const sources = fakeSources();
    const outDir = join(mkdtempSync(join(tmpdir(), 'shoplane-site-')), 'site');

    buildSite(sources, outDir);

    expect(readdirSync(outDir).sort()).toEqual(['index.html', 'openapi.json', 'standalone.js']);
    expect(readFileSync(join(outDir, 'openapi.json'), 'utf8')).toBe('{"openapi":"3.1.0"}');
  });

  it('removes files left over from an earlier build', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'shoplane-site-'));
    writeFileSync(join(outDir, 'stale.js'), '');

    buildSite(fakeSources(), outDir);

    expect(existsSync(join(outDir, 'stale.js'))).toBe(false);
  });

  it('names the missing file and how to produce the spec', () => {
    const sources = { ...fakeSources(), spec: '/nowhere/openapi.json' };

    expect(() => buildSite(sources, mkdtempSync(join(tmpdir(), 'shoplane-site-')))).toThrow(
      /\/nowhere\/openapi\.json.*npm run generate/,
    );
  });
});

describe('siteSources', () => {
  it('takes the Scalar bundle from the installed @scalar/api-reference', () => {
    expect(siteSources('/workspace').scalarBundle).toMatch(/@scalar[/\\]api-reference[/\\]dist[/\\]browser[/\\]standalone\.js$/);
  });
});
