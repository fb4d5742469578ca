import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of DynamoDB Local that misbehaves as DynamoDB and the network do,
 * at set rates: it answers ProvisionedThroughputExceededException (which the SDK retries
 * with backoff), holds a request back before forwarding it, or drops the connection,
 * before forwarding (nothing happened) or after DynamoDB answered (it happened, the
 * answer is lost). Every request gets at most one fault.
 */
export interface DynamoFaultRates {
  throttle: number;
  delay: number;
  /** Connections dropped before the request reaches DynamoDB. */
  dropBefore: number;
  /** Connections dropped after DynamoDB applied the request: the caller retries something already done. */
  dropAfter: number;
  /** Longest hold-back of a delayed request. */
  maxDelayMs: number;
}

export type DynamoFaultCounts = Record<'requests' | 'throttled' | 'delayed' | 'droppedBefore' | 'droppedAfter', number>;

export interface DynamoFaultProxy {
  url: string;
  counts: DynamoFaultCounts;
  /** Faults injected so far. */
  readonly injected: number;
  /** New rates from now on (all zero: a faithful proxy). */
  setRates(rates: Partial<DynamoFaultRates>): void;
  close(): Promise<void>;
}

const noFaults: DynamoFaultRates = { throttle: 0, delay: 0, dropBefore: 0, dropAfter: 0, maxDelayMs: 0 };

/** The body DynamoDB answers a throttled request with (HTTP 400, the JSON protocol's `__type`). */
export const throttledAnswer = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'The level of configured provisioned throughput for the table was exceeded. (injected fault)',
});

type Fault = 'throttle' | 'delay' | 'dropBefore' | 'dropAfter' | 'none';

function pick(rates: DynamoFaultRates, random: () => number): Fault {
  let roll = random();
  for (const fault of ['throttle', 'delay', 'dropBefore', 'dropAfter'] as const) {
    if (roll < rates[fault]) return fault;
    roll -= rates[fault];
  }
  return 'none';
}

async function bodyOf(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startDynamoFaultProxy(options: { targetPort: number; random?: () => number }): Promise<DynamoFaultProxy> {
  const random = options.random ?? Math.random;
  let rates = noFaults;
  const counts: DynamoFaultCounts = { requests: 0, throttled: 0, delayed: 0, droppedBefore: 0, droppedAfter: 0 };

  function forward(incoming: IncomingMessage, body: Buffer, answer: (status: number, headers: IncomingMessage['headers'], payload: Buffer) => void, fail: () => void) {
    const upstream = request(
      { host: '127.0.0.1', port: options.targetPort, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (response) => {
        void bodyOf(response).then((payload) => answer(response.statusCode ?? 502, response.headers, payload), fail);
      },
    );
    upstream.on('error', fail);
    upstream.end(body);
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const body = await bodyOf(incoming);
    counts.requests += 1;
    const fault = pick(rates, random);
    const drop = () => incoming.socket.destroy();
    if (fault === 'throttle') {
      counts.throttled += 1;
      outgoing.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `proxy-${counts.requests}` }).end(throttledAnswer);
      return;
    }
    if (fault === 'dropBefore') {
      counts.droppedBefore += 1;
      drop();
      return;
    }
    if (fault === 'delay') {
      counts.delayed += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.round(random() * rates.maxDelayMs)));
    }
    forward(
      incoming,
      body,
      (status, headers, payload) => {
        if (fault === 'dropAfter') {
          counts.droppedAfter += 1;
          drop();
          return;
        }
        outgoing.writeHead(status, headers).end(payload);
      },
      drop,
    );
  }

  const server: Server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch(() => incoming.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    get injected() {
      return counts.throttled + counts.delayed + counts.droppedBefore + counts.droppedAfter;
    },
    setRates(next) {
      rates = { ...noFaults, ...next };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
