/**
 * Screenshots the API reference in headless Chromium (playwright-core, Debian's /usr/bin/chromium;
 * never `playwright install`). By default it serves the site's own files (apps/docs/site, the
 * Scalar bundle, openapi/openapi.json) at /docs/ on a free port; `--url` takes a running shop's
 * page instead (`npm start` serves http://localhost:3000/docs/).
 *
 *   npx nx run docs:screenshot       # the README's picture: POST /orders, 1440x900
 *   npx tsx apps/docs/scripts/screenshot.ts --url http://localhost:3000/docs/ --hash tag/carts/GET/cart --out /tmp/cart.png
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { siteSources } from './build-site.js';

const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function serveSite(): Promise<{ url: string; server: Server }> {
  const sources = siteSources(workspaceRoot);
  const files: Record<string, [string, string]> = {
    '/docs/': [sources.page, 'text/html; charset=utf-8'],
    '/docs/standalone.js': [sources.scalarBundle, 'text/javascript; charset=utf-8'],
    '/docs/openapi.json': [sources.spec, 'application/json'],
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    readFile(file[0]).then(
      (body) => response.writeHead(200, { 'content-type': file[1] }).end(body),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/docs/`, server };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      hash: { type: 'string', default: '' },
      out: { type: 'string', default: join(workspaceRoot, 'docs', 'images', 'api-reference.png') },
      width: { type: 'string', default: '1440' },
      height: { type: 'string', default: '900' },
    },
  });
  const site = values.url ? undefined : await serveSite();
  const pageUrl = values.url ?? site?.url ?? '';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== new URL(pageUrl).origin && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    await page.goto(`${pageUrl}${values.hash ? `#${values.hash}` : ''}`, { waitUntil: 'networkidle' });
    // Scalar renders after it has fetched and parsed the spec: wait for the document's title.
    await page.getByRole('heading', { name: 'Shoplane API' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    if (values.hash) await page.waitForTimeout(1_000); // let the scroll to the anchor settle
    await page.screenshot({ path: values.out });
    console.log(`wrote ${values.out} (${pageUrl}${values.hash ? `#${values.hash}` : ''})`);
    if (foreign.length > 0) console.warn(`the page requested other origins: ${foreign.join(', ')}`);
  } finally {
    await browser.close();
    site?.server.close();
  }
}

await main();
