/**
 * Loaded with `--import` into the shop's own process by the bench (never by `npm start`):
 * counts every AWS request the shop's code sends (per service and operation, with the
 * capacity DynamoDB reports and the entries of each PutEvents) and every function
 * invocation (with its duration), and answers the counts on a loopback probe port.
 * It can also record the DynamoDB requests one API call makes, so the bench replays
 * exactly those against the same DynamoDB Local as the call's storage floor.
 *
 * It hooks the SDK's shared `Client.send` and the local runtime's `FunctionRegistry`,
 * so no production module changes for the bench.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { FunctionRegistry } from '@shoplane/local-cloud';
import { emptyCounts, recordInvocation, recordRequest, sqsMessagesIn, type ShopCounts, type WireRequest } from './shop-counts.js';

interface Stack {
  add(middleware: unknown, options: { step: string; name: string; priority?: string }): void;
}
interface SmithyClient {
  middlewareStack: Stack;
}
interface MiddlewareArgs {
  request?: { headers?: Record<string, string>; body?: unknown };
}
interface MiddlewareContext {
  clientName?: string;
  commandName?: string;
}

const counts: ShopCounts = emptyCounts();
let trace: WireRequest[] | undefined;

function countingMiddleware(next: (args: MiddlewareArgs) => Promise<{ output?: unknown }>, context: MiddlewareContext) {
  return async (args: MiddlewareArgs) => {
    const headers = args.request?.headers ?? {};
    const target = headers['x-amz-target'] ?? headers['X-Amz-Target'];
    // JSON protocols hand over their body as a string or as bytes (a Uint8Array whose toString decodes it).
    const raw = args.request?.body;
    const body = typeof raw === 'string' ? raw : raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8') : undefined;
    const result = await next(args);
    const wire: WireRequest = { target, body, clientName: context.clientName, commandName: context.commandName };
    recordRequest(counts, wire, result.output);
    if (trace && target?.startsWith('DynamoDB_')) trace.push(wire);
    return result;
  };
}

const capacityReporting = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactGetItems', 'TransactWriteItems']);
const documentCommands: Record<string, string> = { Get: 'GetItem', Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', BatchGet: 'BatchGetItem', BatchWrite: 'BatchWriteItem', TransactGet: 'TransactGetItems', TransactWrite: 'TransactWriteItems' };

/** Asks DynamoDB for the capacity each request consumes (what on-demand bills); the answer is otherwise the same. */
function capacityMiddleware(next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: MiddlewareContext) {
  return (args: { input: Record<string, unknown> }) => {
    const command = (context.commandName ?? '').replace(/Command$/, '');
    const operation = documentCommands[command] ?? command;
    const dynamo = context.clientName?.startsWith('DynamoDB') && !context.clientName.startsWith('DynamoDBStreams');
    if (dynamo && capacityReporting.has(operation) && args.input['ReturnConsumedCapacity'] === undefined) args.input = { ...args.input, ReturnConsumedCapacity: 'TOTAL' };
    return next(args);
  };
}

const require = createRequire(import.meta.url);
const { Client } = require('@smithy/core/client') as { Client: { prototype: { send: (this: SmithyClient, ...args: unknown[]) => unknown } } };
const instrumented = new WeakSet<Stack>();
const send = Client.prototype.send;
Client.prototype.send = function countedSend(this: SmithyClient, ...args: unknown[]) {
  if (!instrumented.has(this.middlewareStack)) {
    instrumented.add(this.middlewareStack);
    // The deserialize step runs once per HTTP attempt (retries included); at high priority it sees the parsed output.
    this.middlewareStack.add(countingMiddleware, { step: 'deserialize', name: 'benchCountRequests', priority: 'high' });
    this.middlewareStack.add(capacityMiddleware, { step: 'initialize', name: 'benchReturnConsumedCapacity', priority: 'high' });
  }
  return send.apply(this, args);
};

const invoke = FunctionRegistry.prototype.invoke;
FunctionRegistry.prototype.invoke = async function countedInvoke(this: FunctionRegistry, name: string, event: unknown, requestId?: string) {
  const started = performance.now();
  try {
    return await invoke.call(this, name, event, requestId);
  } finally {
    recordInvocation(counts, name, performance.now() - started, sqsMessagesIn(event));
  }
};

const probePort = Number(process.env['SHOPLANE_BENCH_PROBE_PORT']);
if (Number.isInteger(probePort) && probePort > 0) {
  const probe = createServer((request, response) => {
    if (request.url === '/trace/start') trace = [];
    const cpu = process.cpuUsage();
    const answer = request.url === '/trace/stop' ? (trace ?? []) : { ...counts, cpuMs: (cpu.user + cpu.system) / 1000 };
    if (request.url === '/trace/stop') trace = undefined;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer));
  });
  probe.listen(probePort, '127.0.0.1');
  probe.unref();
}
