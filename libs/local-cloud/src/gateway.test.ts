import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRoot, send } from './__fixtures__/index.js';
import { closeServer } from './control-plane.js';
import { discoverServices, loadFunctions } from './discovery.js';
import { docsAssets } from './docs-assets.js';
import { FunctionRegistry } from './functions.js';
import { createGateway, maxBodyBytes } from './gateway.js';
import { silentLog } from './log.js';
import { RouteTable } from './routes.js';
import { summarize } from './summary.js';

interface Echo {
  event: APIGatewayProxyEventV2;
  context: { functionName: string; awsRequestId: string; remaining: number };
}

async function startGateway(root: string): Promise<{ server: Server; url: string }> {
  const services = await discoverServices(fixtureRoot);
  const functions = new FunctionRegistry();
  for (const fn of await loadFunctions(services)) functions.add(fn);
  const server = createGateway({
    routes: new RouteTable(services.flatMap((service) => summarize(service.manifest).routes)),
    invoke: (name, event) => functions.invoke(name, event),
    docs: docsAssets(root),
    operatorViews: { events: () => ({ items: [] }) },
    log: silentLog,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let gateway: { server: Server; url: string };
beforeAll(async () => {
  gateway = await startGateway(fixtureRoot);
});
afterAll(() => closeServer(gateway.server));

describe('the API Gateway event a route handler receives', () => {
  it('carries URL-decoded path parameters, the query and lower-cased headers with repeats comma-joined', async () => {
    // Prepare
    const target = '/echo/caf%C3%A9/a%2Fb?size=1&size=2&q=hello%20world';
    const headers = { 'X-Custom': ['one', 'two'], Cookie: 'session=abc; theme=dark', 'User-Agent': 'tests/1.0' };

    // Act
    const reply = await send(`${gateway.url}${target}`, { headers });

    // Assess
    const { event } = reply.json as Echo;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /echo/{first}/{second}',
      rawPath: '/echo/caf%C3%A9/a%2Fb',
      rawQueryString: 'size=1&size=2&q=hello%20world',
      pathParameters: { first: 'café', second: 'a/b' },
      queryStringParameters: { size: '1,2', q: 'hello world' },
      cookies: ['session=abc', 'theme=dark'],
      isBase64Encoded: false,
    });
    expect(event.headers).toMatchObject({ 'x-custom': 'one,two', 'user-agent': 'tests/1.0' });
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event.body).toBeUndefined();
  });

  it('carries a request context like API Gateway HTTP API', async () => {
    // Prepare
    const target = '/echo/a/b';

    // Act
    const reply = await send(`${gateway.url}${target}`, { headers: { 'User-Agent': 'tests/1.0' } });

    // Assess
    const { event } = reply.json as Echo;
    expect(event.requestContext).toMatchObject({
      accountId: '000000000000',
      apiId: 'local',
      domainName: '127.0.0.1',
      stage: '$default',
      routeKey: 'GET /echo/{first}/{second}',
      requestId: reply.headers['apigw-requestid'],
      http: { method: 'GET', path: '/echo/a/b', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'tests/1.0' },
    });
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(typeof event.requestContext.timeEpoch).toBe('number');
  });

  it('gives the handler a Lambda context named after the function', async () => {
    // Prepare
    const target = '/echo/a/b';

    // Act
    const reply = await send(`${gateway.url}${target}`);

    // Assess
    const { context } = reply.json as Echo;
    expect(context.functionName).toBe('shoplane-local-catalog-echo');
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.remaining).toBeGreaterThan(0);
  });

  it('passes a JSON body as text', async () => {
    // Prepare
    const body = JSON.stringify({ name: 'Lamp' });

    // Act
    const reply = await send(`${gateway.url}/echo/a/b`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    // Assess
    expect((reply.json as Echo).event).toMatchObject({ body, isBase64Encoded: false });
  });

  it('passes a binary body base64-encoded', async () => {
    // Prepare
    const bytes = Buffer.from([0, 159, 146, 150, 255]);

    // Act
    const reply = await send(`${gateway.url}/echo/a/b`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes });

    // Assess
    expect((reply.json as Echo).event).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
  });

  it('passes the caller’s x-correlation-id through', async () => {
    // Prepare
    const headers = { 'X-Correlation-Id': 'corr-123' };

    // Act
    const reply = await send(`${gateway.url}/echo/a/b`, { headers });

    // Assess
    expect((reply.json as Echo).event.headers['x-correlation-id']).toBe('corr-123');
  });

  it('routes to a literal path before a path with a parameter in the same place', async () => {
    // Prepare
    const target = '/things/special';

    // Act
    const reply = await send(`${gateway.url}${target}`);

    // Assess
    expect((reply.json as Echo).event.routeKey).toBe('GET /things/special');
  });
});

describe('the HTTP response made of a handler’s result', () => {
  it('keeps the status, headers and each cookie as its own Set-Cookie', async () => {
    // Act
    const reply = await send(`${gateway.url}/echo/a/b`);

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.headers['x-handled-by']).toBe('shoplane-local-catalog-echo');
    expect(reply.headers['set-cookie']).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark']);
  });

  it('decodes a base64-encoded body', async () => {
    // Act
    const reply = await send(`${gateway.url}/binary`);

    // Assess
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect([...reply.body]).toEqual([0, 1, 2, 255]);
  });

  it('answers a plain string result with 200 and the string as body', async () => {
    // Act
    const reply = await send(`${gateway.url}/text`);

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('plain words');
  });
});

describe('the gateway’s own problems', () => {
  it('answers an unknown path with a 404 problem', async () => {
    // Act
    const reply = await send(`${gateway.url}/nowhere`, { headers: { 'x-correlation-id': 'corr-404' } });

    // Assess
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe('application/problem+json');
    expect(reply.json).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No route matches GET /nowhere.', correlationId: 'corr-404' });
  });

  it('answers a known path with an undeclared method with a 405 problem listing the allowed ones', async () => {
    // Act
    const reply = await send(`${gateway.url}/echo/a/b`, { method: 'DELETE' });

    // Assess
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, POST');
    expect(reply.json).toMatchObject({ title: 'Method Not Allowed', status: 405 });
  });

  it('refuses a body over 1 MB with a 413 problem', async () => {
    // Prepare
    const body = Buffer.alloc(maxBodyBytes + 1, 'a');

    // Act
    const reply = await send(`${gateway.url}/echo/a/b`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });

    // Assess
    expect(reply.status).toBe(413);
    expect(reply.json).toMatchObject({ title: 'Content Too Large', status: 413 });
  });

  it('answers a route whose handler is not written yet with a 501 problem', async () => {
    // Act
    const reply = await send(`${gateway.url}/drafts`);

    // Assess
    expect(reply.status).toBe(501);
    expect(reply.json).toMatchObject({ status: 501, detail: 'GET /drafts is declared by drafts, but its handler is not written yet.' });
  });

  it('answers a handler that throws with a 500 problem that reveals nothing of the error', async () => {
    // Act
    const reply = await send(`${gateway.url}/boom`);

    // Assess
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server could not complete the request.',
      instance: '/boom',
      correlationId: reply.headers['apigw-requestid'],
    });
    expect(reply.text).not.toMatch(/secret|postgres|boom\.ts/);
  });
});

describe('the gateway’s platform endpoints', () => {
  it('reports health', async () => {
    // Act
    const reply = await send(`${gateway.url}/health`);

    // Assess
    expect(reply.json).toEqual({ status: 'ok' });
  });

  it('serves the operator views under /__local/', async () => {
    // Act
    const reply = await send(`${gateway.url}/__local/events`);

    // Assess
    expect(reply.json).toEqual({ items: [] });
  });

  it('sends /docs to /docs/ and serves the docs page there', async () => {
    // Act
    const redirect = await send(`${gateway.url}/docs`);
    const page = await send(`${gateway.url}/docs/`);

    // Assess
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe('/docs/');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<script src="./standalone.js">');
  });

  it('explains with a 404 problem that the docs page is missing when it is', async () => {
    // Prepare
    const bare = await startGateway(mkdtempSync(join(tmpdir(), 'shoplane-no-docs-')));

    // Act
    const reply = await send(`${bare.url}/docs/`).finally(() => closeServer(bare.server));

    // Assess
    expect(reply.status).toBe(404);
    expect(reply.json).toMatchObject({ status: 404, detail: 'The API reference page (apps/docs/site/index.html) does not exist yet.' });
  });
});
