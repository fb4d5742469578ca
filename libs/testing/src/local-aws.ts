import { domainEvents, type DomainEvent } from '@shoplane/contracts';
import {
  FunctionRegistry,
  LocalEventBus,
  LocalOutbox,
  localCredentials,
  localRegion,
  silentLog,
  startControlPlane,
  type DeadLetter,
} from '@shoplane/local-cloud';
import type { SQSEvent } from 'aws-lambda';

export interface LocalAwsEndpoint {
  /** Settings for any AWS SDK client, e.g. `new SESv2Client(aws.clientConfig)`; no retries, so errors show. */
  clientConfig: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; maxAttempts: number };
  /** What SES SendEmail and SNS Publish delivered; `failNext` makes the provider refuse. */
  outbox: LocalOutbox;
  close(): Promise<void>;
}

/**
 * The local runtime's AWS endpoint on a loopback port, for adapters that call SES
 * or SNS with the real SDK: messages land in `outbox` instead of anyone's inbox.
 */
export async function startLocalAwsEndpoint(): Promise<LocalAwsEndpoint> {
  const outbox = new LocalOutbox();
  const bus = new LocalEventBus({ busName: 'test', subscriptions: [], invoke: async () => undefined, log: silentLog });
  const plane = await startControlPlane({ parameters: new Map(), secrets: new Map(), bus, functions: new FunctionRegistry(), log: silentLog, outbox });
  return {
    clientConfig: { endpoint: plane.endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 },
    outbox,
    close: () => plane.close(),
  };
}

export interface SubscriptionQueue {
  /** Puts the envelopes on the bus and waits until each is handled or dead-lettered (retries included). */
  deliver(...events: DomainEvent[]): Promise<void>;
  /** Messages the handler kept failing, as the queue's DLQ would hold them. */
  readonly deadLetters: DeadLetter[];
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
    get deadLetters() {
      return bus.deadLetters;
    },
    receivesOf(eventId) {
      return bus.events
        .filter((logged) => (logged.event.detail as { eventId?: unknown }).eventId === eventId)
        .reduce((total, logged) => total + (logged.deliveries[subscriber]?.receives ?? 0), 0);
    },
  };
}
