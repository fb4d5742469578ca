/**
 * The load generator, in a process of its own so its work never lands on the shop's
 * event loop: runs autocannon on the spec in the file named by argv[2] and prints one
 * JSON line (a `LoadOutcome`) on stdout.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { LoadOutcome, LoadSpec, RequestOutcome } from './load.js';

const spec = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as LoadSpec;
const latencies: number[] = [];
const outcomes: RequestOutcome[] = [];
let next = 0;

interface ConnectionContext {
  index?: number;
  sentAt?: number;
}

// autocannon ends a bounded run on its next one-second tick, so the run's length is taken from the requests themselves.
let firstSent = Number.NaN;
let lastAnswered = Number.NaN;
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  amount: spec.amount,
  timeout: 30,
  requests: [
    {
      setupRequest: (request, context: ConnectionContext) => {
        const index = next++;
        if (index === 0) firstSent = performance.now();
        const planned = spec.requests[index % spec.requests.length];
        context.index = index;
        context.sentAt = Date.now();
        return { ...request, method: planned?.method ?? 'GET', path: planned?.path ?? '/', headers: planned?.headers ?? {}, ...(planned?.body === undefined ? {} : { body: planned.body }) };
      },
      onResponse: (status, body, context: ConnectionContext) => {
        if (!spec.keepBodies) return;
        outcomes.push({ index: context.index ?? -1, status, sentAt: context.sentAt ?? 0, respondedAt: Date.now(), body: body.slice(0, 2000) });
      },
    },
  ],
  setupClient: (client) => {
    client.on('response', (_statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      lastAnswered = performance.now();
    });
  },
});
const elapsedSeconds = (lastAnswered - firstSent) / 1000;

const statuses: Record<string, number> = {};
for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count ?? 0;
const outcome: LoadOutcome = { latencies, statuses, errors: result.errors, timeouts: result.timeouts, elapsedSeconds, outcomes };
process.stdout.write(`${JSON.stringify(outcome)}\n`);
