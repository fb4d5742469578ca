import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRoot, send } from './__fixtures__/index.js';
import { closeServer } from './control-plane.js';
import { discoverServices, loadFunctions } from './discovery.js';
import { docsAssets } from './docs-assets.js';
import { FunctionRegistry } from './functions.js';
import { createGateway } from './gateway.js';
import { silentLog } from './log.js';
import { RouteTable } from './routes.js';
import { storefrontAssets } from './storefront-assets.js';
import { summarize } from './summary.js';

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

/** A stand-in for `nx build storefront`. */
function builtSite(): string {
  const site = mkdtempSync(join(tmpdir(), 'shoplane-storefront-'));
  mkdirSync(join(site, 'assets'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Shoplane</title>');
  writeFileSync(join(site, 'assets', 'index-abc.js'), 'console.log(1)');
  return site;
}

async function startGateway(siteRoot: string): Promise<{ server: Server; url: string }> {
  const services = await discoverServices(fixtureRoot);
  const functions = new FunctionRegistry();
  for (const fn of await loadFunctions(services)) functions.add(fn);
  const server = createGateway({
    routes: new RouteTable(services.flatMap((service) => summarize(service.manifest).routes)),
    invoke: (name, event) => functions.invoke(name, event),
    docs: docsAssets(fixtureRoot),
    storefront: storefrontAssets(siteRoot),
    operatorViews: { events: () => ({ items: [] }) },
    log: silentLog,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the storefront beside the API', () => {
  let built: { server: Server; url: string };
  let unbuilt: { server: Server; url: string };
  beforeAll(async () => {
    built = await startGateway(builtSite());
    unbuilt = await startGateway(join(mkdtempSync(join(tmpdir(), 'shoplane-storefront-')), 'site'));
  });
  afterAll(async () => {
    await closeServer(built.server);
    await closeServer(unbuilt.server);
  });

  it('serves its page at / and its hashed assets, cached for good', async () => {
    const page = await send(`${built.url}/`);
    const script = await send(`${built.url}/assets/index-abc.js`);

    expect(page).toMatchObject({ status: 200, text: '<!doctype html><title>Shoplane</title>' });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
  });

  it('answers a browser page load of an unknown path with its page', async () => {
    const reply = await send(`${built.url}/some/page`, { headers: html });

    expect(reply).toMatchObject({ status: 200, text: '<!doctype html><title>Shoplane</title>' });
  });

  it('never shadows an API route, the docs, the operator views or a non-browser request', async () => {
    const api = await send(`${built.url}/echo/a/b`, { headers: html });
    const docs = await send(`${built.url}/docs/missing.js`, { headers: html });
    const view = await send(`${built.url}/__local/unknown`, { headers: html });
    const client = await send(`${built.url}/some/page`, { headers: { accept: 'application/json' } });

    expect(api.status).toBe(200);
    expect(api.json).toMatchObject({ event: { routeKey: 'GET /echo/{first}/{second}' } });
    for (const reply of [docs, view, client]) {
      expect(reply.status).toBe(404);
      expect(reply.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('serves no file outside its folder and no asset it does not have', async () => {
    const traversal = await send(`${built.url}/assets/..%2F..%2Fetc%2Fpasswd`);
    const missing = await send(`${built.url}/assets/gone.js`);

    expect(traversal.status).toBe(404);
    expect(missing.status).toBe(404);
  });

  it('says how to build it when it is not built', async () => {
    const reply = await send(`${unbuilt.url}/`);

    expect(reply.status).toBe(200);
    expect(reply.text).toContain('npx nx build storefront');
  });
});
