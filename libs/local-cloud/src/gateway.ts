import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { isCorrelationId } from '@shoplane/contracts';
import { newRequestId, toApiGatewayEvent } from './api-event.js';
import { toHttpReply } from './api-result.js';
import type { DocsAssets } from './docs-assets.js';
import { FunctionNotFoundError } from './functions.js';
import type { LocalLog } from './log.js';
import { rawProblemResponse, sendJson, sendProblem } from './problem.js';
import { redactedTarget } from './redaction.js';
import type { RouteTable } from './routes.js';
import type { StorefrontAssets } from './storefront-assets.js';

/** Largest request body the gateway forwards to a handler. */
export const maxBodyBytes = 1024 * 1024;

export interface GatewayOptions {
  routes: RouteTable;
  invoke(functionName: string, event: unknown): Promise<unknown>;
  docs: DocsAssets;
  /** The built storefront at `/`; without it `/` is a 404 like any unknown path. */
  storefront?: StorefrontAssets;
  /** Read-only operator views (`/__local/...`), e.g. the event log and dead letters. */
  operatorViews: Record<string, () => unknown>;
  log: LocalLog;
}

async function readBody(request: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  // Keep reading past the limit (discarding) so the client gets the 413 instead of a reset connection.
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) tooLarge = true;
    else chunks.push(buffer);
  }
  return { body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Views are looked up as own properties only: `/__local/__proto__` or `/__local/constructor` name nothing. */
function operatorView(views: GatewayOptions['operatorViews'], name: string): (() => unknown) | undefined {
  return Object.hasOwn(views, name) ? views[name] : undefined;
}

/** Node's answer to a request it could not parse is a bare status line; ours is a problem like every other. */
function answerUnparseableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const detail = tooLarge ? 'The request headers are too large.' : 'The request is not valid HTTP.';
  socket.end(rawProblemResponse(status, detail));
}

/** An HTTP server that turns requests into API Gateway HTTP API events for the manifests' handlers. */
export function createGateway(options: GatewayOptions): Server {
  const { routes, docs, storefront, log } = options;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = newRequestId();
    const suppliedCorrelationId = firstHeader(request.headers['x-correlation-id']);
    const correlationId = isCorrelationId(suppliedCorrelationId) ? suppliedCorrelationId : requestId;
    const method = (request.method ?? 'GET').toUpperCase();
    const target = request.url ?? '/';
    const path = target.split('?')[0] ?? '/';
    response.setHeader('apigw-requestid', requestId);
    response.on('finish', () => log.info(`${method} ${redactedTarget(target)} → ${response.statusCode} (${Date.now() - started} ms)`));
    const problem = (status: number, detail: string, headers?: Record<string, string>) =>
      sendProblem(response, status, detail, { headers, correlationId, instance: path });

    if (method === 'GET') {
      if (path === '/health') return sendJson(response, 200, { status: 'ok' });
      const view = path.startsWith('/__local/') ? operatorView(options.operatorViews, path.slice('/__local/'.length)) : undefined;
      if (view) return sendJson(response, 200, view());
      if (await docs.serve(path, response)) return;
      if (await storefront?.serve(path, response)) return;
    }

    const match = routes.match(method, path);
    if (match.kind === 'not-found') {
      if (method === 'GET' && (await storefront?.fallback(path, firstHeader(request.headers.accept), response))) return;
      return problem(404, `No route matches ${method} ${path}.`);
    }
    if (match.kind === 'wrong-method') {
      return problem(405, `${path} does not support ${method}; use ${match.allow.join(', ')}.`, { allow: match.allow.join(', ') });
    }
    const { body, tooLarge } = await readBody(request);
    if (tooLarge) return problem(413, `The request body exceeds ${maxBodyBytes} bytes.`);

    const { route } = match;
    const routeKey = `${route.method.toUpperCase()} ${route.path}`;
    const event = toApiGatewayEvent(
      { method, target, rawHeaders: request.rawHeaders, httpVersion: request.httpVersion, remoteAddress: request.socket.remoteAddress, body },
      { routeKey, pathParameters: match.pathParameters },
      requestId,
    );
    let result: unknown;
    try {
      result = await options.invoke(route.functionName, event);
    } catch (error) {
      if (error instanceof FunctionNotFoundError) {
        return problem(501, `${routeKey} is declared by ${route.service}, but its handler is not written yet.`);
      }
      log.error(`${route.functionName} threw while handling ${routeKey} (request ${requestId}):`, error);
      return problem(500, 'The server could not complete the request.');
    }
    const mapped = toHttpReply(result);
    if (!mapped.ok) {
      log.error(`${route.functionName} returned a result API Gateway rejects (${mapped.reason}); request ${requestId}`);
      return problem(500, 'The server could not complete the request.');
    }
    const { reply } = mapped;
    const { 'content-length': _ignored, ...headers } = reply.headers;
    response.writeHead(reply.statusCode, {
      ...headers,
      ...(reply.cookies.length > 0 ? { 'set-cookie': reply.cookies } : {}),
      'content-length': reply.body.length,
    });
    response.end(reply.body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error(`Gateway failed on ${request.method} ${request.url}:`, error);
      if (!response.headersSent) sendProblem(response, 500, 'The server could not complete the request.');
      else response.destroy();
    });
  });
  server.on('clientError', answerUnparseableRequest);
  return server;
}
