import { once } from 'node:events';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
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

let server: Server;
let port: number;
let url: string;

beforeAll(async () => {
  const services = await discoverServices(fixtureRoot);
  const functions = new FunctionRegistry();
  for (const fn of await loadFunctions(services)) functions.add(fn);
  server = createGateway({
    routes: new RouteTable(services.flatMap((service) => summarize(service.manifest).routes)),
    invoke: (name, event) => functions.invoke(name, event),
    docs: docsAssets(fixtureRoot),
    operatorViews: { events: () => ({ items: [] }) },
    log: silentLog,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
});
afterAll(() => closeServer(server));

/** Writes bytes no HTTP client library would send, and reads the whole answer. */
async function sendRaw(bytes: string): Promise<{ statusLine: string; headers: string; body: string }> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.write(bytes);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(socket, 'close');
  const text = Buffer.concat(chunks).toString('utf8');
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...headers] = head.split('\r\n');
  return { statusLine, headers: headers.join('\n').toLowerCase(), body };
}

function expectProblem(reply: { status: number; headers: Record<string, unknown>; json: unknown }, status: number) {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toBe('application/problem+json');
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.json).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

describe('answers the local gateway writes itself', () => {
  it('are problems with nosniff for an unknown route, a wrong method and an oversized body', async () => {
    expectProblem(await send(`${url}/nowhere`), 404);
    expectProblem(await send(`${url}/echo/a/b`, { method: 'DELETE' }), 405);
    expectProblem(await send(`${url}/echo/a/b`, { method: 'POST', body: Buffer.alloc(maxBodyBytes + 1) }), 413);
  });

  it('never echo a correlation id that is not one, and keep a valid one', async () => {
    const hostile = '<script>alert(1)</script>';

    const refused = await send(`${url}/nowhere`, { headers: { 'x-correlation-id': hostile } });
    const kept = await send(`${url}/nowhere`, { headers: { 'x-correlation-id': 'order-42.retry:1' } });

    expect(refused.text).not.toContain('<script>');
    expect(refused.headers['x-correlation-id']).not.toContain('<');
    expect(kept.json).toMatchObject({ correlationId: 'order-42.retry:1' });
    expect(kept.headers['x-correlation-id']).toBe('order-42.retry:1');
  });

  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'toString'])(
    'treat /__local/%s as a route that does not exist',
    async (name) => {
      expectProblem(await send(`${url}/__local/${name}`), 404);
    },
  );

  it('still serve the operator views that exist', async () => {
    const reply = await send(`${url}/__local/events`);

    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ items: [] });
  });

  it('answer oversized headers with a 431 problem', async () => {
    const reply = await sendRaw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);

    expect(reply.statusLine).toMatch(/^HTTP\/1\.1 431 /);
    expect(reply.headers).toContain('content-type: application/problem+json');
    expect(reply.headers).toContain('x-content-type-options: nosniff');
    expect(JSON.parse(reply.body)).toMatchObject({ status: 431 });
  });

  it.each([
    ['a method HTTP does not have', 'FROB /health HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a bare CR in a header', 'GET /health HTTP/1.1\r\nHost: x\rX-Evil: 1\r\n\r\n'],
    ['a request line that is not HTTP', 'hello there\r\n\r\n'],
  ])('answer %s with a 400 problem', async (_case, bytes) => {
    const reply = await sendRaw(bytes);

    expect(reply.statusLine).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply.headers).toContain('content-type: application/problem+json');
    expect(JSON.parse(reply.body)).toMatchObject({ status: 400, detail: 'The request is not valid HTTP.' });
  });
});
