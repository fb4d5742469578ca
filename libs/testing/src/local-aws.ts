import { domainEvents, type DomainEvent } from '@shoplane/contracts';
import {
  FunctionRegistry,
  LocalEventBus,
  LocalOutbox,
  localCredentials,
  localQueue,
  localRegion,
  silentLog,
  startControlPlane,
  type DeadLetter,
  type DeadLetteredMessage,
  type LocalQueue,
} from '@shoplane/local-cloud';
import { parseQueueKey } from '@shoplane/manifest';
import type { SQSEvent } from 'aws-lambda';

export interface LocalAwsEndpoint {
  /** Settings for any AWS SDK client, e.g. `new SESv2Client(aws.clientConfig)`; no retries, so errors show. */
  clientConfig: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; maxAttempts: number };
  /** What SES SendEmail and SNS Publish delivered; `failNext` makes the provider refuse. */
  outbox: LocalOutbox;
  /** The queues asked for (`<service>.<name>`): where SendMessage goes, and the bodies that arrived, oldest first. */
  queues: { url(key: string): string; messages(key: string): Promise<string[]> };
  close(): Promise<void>;
}

/**
 * The local runtime's AWS endpoint on a loopback port, for adapters that call SES,
 * SNS or SQS with the real SDK: messages land in `outbox`, and in the `queues` named
 * (another service's, e.g. `analytics.ingest`), instead of anywhere real.
 */
export async function startLocalAwsEndpoint(options: { queues?: string[] } = {}): Promise<LocalAwsEndpoint> {
  const outbox = new LocalOutbox();
  const arrived = new Map<string, string[]>();
  const queues: LocalQueue[] = [];
  const bus = new LocalEventBus({
    busName: 'test',
    subscriptions: (options.queues ?? []).map((key) => ({ functionName: `receiver-of-${key}`, eventTypes: [], queueName: localQueue(parseQueueKey(key), '', '').queueName })),
    invoke: async (name, event) => {
      const key = name.slice('receiver-of-'.length);
      arrived.set(key, [...(arrived.get(key) ?? []), ...event.Records.map((record) => record.body)]);
      return { batchItemFailures: [] };
    },
    log: silentLog,
  });
  const plane = await startControlPlane({ parameters: new Map(), secrets: new Map(), bus, functions: new FunctionRegistry(), log: silentLog, outbox, queues });
  queues.push(...(options.queues ?? []).map((key) => localQueue(parseQueueKey(key), `receiver-of-${key}`, plane.endpoint)));
  return {
    clientConfig: { endpoint: plane.endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 },
    outbox,
    queues: {
      url: (key) => queues.find((queue) => queue.key === key)?.url ?? `${plane.endpoint}/000000000000/not-asked-for`,
      async messages(key) {
        await bus.drain();
        return arrived.get(key) ?? [];
      },
    },
    close: async () => {
      bus.stop();
      await plane.close();
    },
  };
}

export interface SubscriptionQueue {
  /** Puts the envelopes on the bus and waits until each is handled or dead-lettered (retries included). */
  deliver(...events: DomainEvent[]): Promise<void>;
  /** Sends these bodies straight to the queue (SQS SendMessage), as one batch, and waits until each is handled or dead-lettered. */
  send(...bodies: string[]): Promise<void>;
  /** Events the handler kept failing, as the queue's DLQ would hold them. */
  readonly deadLetters: DeadLetter[];
  /** Messages sent straight to the queue that the handler kept failing. */
  readonly deadLetteredMessages: DeadLetteredMessage[];
  /** How many times the queue handed this event to the handler. */
  receivesOf(eventId: string): number;
}

const subscriber = 'subscriber-under-test';

/**
 * A subscription as the local runtime runs it (rule → queue with DLQ → handler):
 * batches, partial batch failures, redelivery up to `maxReceives`, then the
 * dead-letter list. Redelivery is immediate, so tests never wait on a clock.
 */
export function subscriptionQueue(handler: (event: SQSEvent) => Promise<unknown>, options: { maxReceives?: number } = {}): SubscriptionQueue {
  const bus = new LocalEventBus({
    busName: 'test',
    subscriptions: [{ functionName: subscriber, queueName: subscriber, eventTypes: Object.keys(domainEvents) }],
    invoke: (_name, event) => handler(event),
    log: silentLog,
    maxReceives: options.maxReceives ?? 3,
    retryDelayMs: () => 0,
  });
  return {
    async deliver(...events) {
      bus.put(events.map((event) => ({ Source: event.source, DetailType: event.eventType, Detail: JSON.stringify(event) })));
      await bus.drain();
    },
    async send(...bodies) {
      bus.send(subscriber, ...bodies);
      await bus.drain();
    },
    get deadLetters() {
      return bus.deadLetters;
    },
    get deadLetteredMessages() {
      return bus.deadLetteredMessages;
    },
    receivesOf(eventId) {
      return bus.events
        .filter((logged) => (logged.event.detail as { eventId?: unknown }).eventId === eventId)
        .reduce((total, logged) => total + (logged.deliveries[subscriber]?.receives ?? 0), 0);
    },
  };
}
