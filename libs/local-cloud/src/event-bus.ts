import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { localAccountId } from './aws-identity.js';
import { failedItems } from './batch-response.js';
import { localRegion } from './dynamodb-local.js';
import type { LocalLog } from './log.js';

/** One PutEvents entry, as the EventBridge API takes it. */
export interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  /** Epoch seconds, as the SDK sends timestamps. */
  Time?: number;
}

export interface PutEventsResultEntry {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

/** The EventBridge event a rule target receives (here: the body of the SQS message). */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

/** A manifest subscription: in AWS a rule → SQS queue (with DLQ) → Lambda with partial batch responses. */
export interface BusSubscription {
  functionName: string;
  eventTypes: string[];
  queueName: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'retrying' | 'dead-lettered';

export interface LoggedEvent {
  busName: string;
  event: BusEvent;
  deliveries: Record<string, { status: DeliveryStatus; receives: number }>;
}

export interface DeadLetter {
  messageId: string;
  functionName: string;
  queueName: string;
  receiveCount: number;
  reason: string;
  deadLetteredAt: string;
  event: BusEvent;
}

export interface EventBusOptions {
  busName: string;
  subscriptions: BusSubscription[];
  invoke(functionName: string, event: SQSEvent): Promise<unknown>;
  log: LocalLog;
  /** Receives before a message moves to the dead-letter list (the queues' maxReceiveCount). */
  maxReceives?: number;
  /** Delay before the next receive of a failed message. */
  retryDelayMs?: (receiveCount: number) => number;
}

export class PutEventsValidationError extends Error {
  override readonly name = 'ValidationException';
}

interface Message {
  messageId: string;
  body: string;
  logged: LoggedEvent;
  sentAt: number;
  firstReceivedAt?: number;
  receiveCount: number;
}

const historySize = 500;

/** The platform event bus, in memory: PutEvents in, SQS-style batches out to each subscribed handler. */
export class LocalEventBus {
  private readonly history: LoggedEvent[] = [];
  private readonly dead: DeadLetter[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: (() => void)[] = [];
  private inFlight = 0;
  private stopped = false;
  private readonly maxReceives: number;
  private readonly retryDelayMs: (receiveCount: number) => number;

  constructor(private readonly options: EventBusOptions) {
    this.maxReceives = options.maxReceives ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? ((receiveCount) => 200 * 2 ** (receiveCount - 1));
  }

  get events(): LoggedEvent[] {
    return [...this.history];
  }

  get deadLetters(): DeadLetter[] {
    return [...this.dead];
  }

  put(entries: PutEventsEntry[]): { FailedEntryCount: number; Entries: PutEventsResultEntry[] } {
    if (entries.length < 1 || entries.length > 10) {
      throw new PutEventsValidationError('Entries must contain between 1 and 10 items.');
    }
    const batches = new Map<BusSubscription, Message[]>();
    const results = entries.map((entry): PutEventsResultEntry => {
      const rejection = this.validate(entry);
      if (rejection) return rejection;
      const logged = this.record(entry);
      for (const subscription of this.options.subscriptions) {
        if (!subscription.eventTypes.includes(logged.event['detail-type'])) continue;
        logged.deliveries[subscription.functionName] = { status: 'pending', receives: 0 };
        const body = JSON.stringify(logged.event);
        const message: Message = { messageId: randomUUID(), body, logged, sentAt: Date.now(), receiveCount: 0 };
        batches.set(subscription, [...(batches.get(subscription) ?? []), message]);
      }
      return { EventId: logged.event.id };
    });
    for (const [subscription, messages] of batches) this.schedule(subscription, messages, 0);
    return { FailedEntryCount: results.filter((result) => result.ErrorCode).length, Entries: results };
  }

  /** Resolves once every accepted event has been delivered or dead-lettered (retries included). */
  drain(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops scheduled retries; used when the shop stops. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.inFlight = 0;
    this.settle();
  }

  private validate(entry: PutEventsEntry): PutEventsResultEntry | undefined {
    const bus = entry.EventBusName;
    if (bus !== undefined && bus !== this.options.busName && !bus.endsWith(`:event-bus/${this.options.busName}`)) {
      return { ErrorCode: 'NotFoundException', ErrorMessage: `Event bus ${bus} does not exist.` };
    }
    for (const field of ['Source', 'DetailType', 'Detail'] as const) {
      if (!entry[field]) {
        return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.` };
      }
    }
    try {
      const detail: unknown = JSON.parse(entry.Detail ?? '');
      if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) throw new Error('not an object');
    } catch {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    return undefined;
  }

  private record(entry: PutEventsEntry): LoggedEvent {
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType ?? '',
      source: entry.Source ?? '',
      account: localAccountId,
      time: (entry.Time === undefined ? new Date() : new Date(entry.Time * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: localRegion,
      resources: entry.Resources ?? [],
      detail: JSON.parse(entry.Detail ?? '{}'),
    };
    const logged: LoggedEvent = { busName: this.options.busName, event, deliveries: {} };
    this.history.push(logged);
    if (this.history.length > historySize) this.history.shift();
    return logged;
  }

  private schedule(subscription: BusSubscription, messages: Message[], delayMs: number): void {
    if (this.stopped) return;
    this.inFlight += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.deliver(subscription, messages).finally(() => {
        this.inFlight = Math.max(0, this.inFlight - 1);
        this.settle();
      });
    }, delayMs);
    this.timers.add(timer);
  }

  private settle(): void {
    if (this.inFlight > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private toRecord(subscription: BusSubscription, message: Message): SQSRecord {
    return {
      messageId: message.messageId,
      receiptHandle: randomBytes(24).toString('base64'),
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'AROAEVENTBRIDGE:local',
        ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? Date.now()),
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(message.body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:${localRegion}:${localAccountId}:${subscription.queueName}`,
      awsRegion: localRegion,
    };
  }

  private async deliver(subscription: BusSubscription, messages: Message[]): Promise<void> {
    const now = Date.now();
    for (const message of messages) {
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.logged.deliveries[subscription.functionName] = { status: 'pending', receives: message.receiveCount };
    }
    const event: SQSEvent = { Records: messages.map((message) => this.toRecord(subscription, message)) };
    let failed: Set<string>;
    let reason = 'reported in batchItemFailures';
    try {
      const result = await this.options.invoke(subscription.functionName, event);
      failed = failedItems(result, messages.map((message) => message.messageId));
    } catch (error) {
      reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.options.log.error(`${subscription.functionName} failed on a batch of ${messages.length} event(s):`, error);
      failed = new Set(messages.map((message) => message.messageId));
    }
    const retry: Message[] = [];
    for (const message of messages) {
      const delivery = message.logged.deliveries[subscription.functionName] ?? { status: 'pending', receives: message.receiveCount };
      message.logged.deliveries[subscription.functionName] = delivery;
      if (!failed.has(message.messageId)) {
        delivery.status = 'delivered';
      } else if (message.receiveCount < this.maxReceives) {
        delivery.status = 'retrying';
        retry.push(message);
      } else {
        delivery.status = 'dead-lettered';
        this.dead.push({
          messageId: message.messageId,
          functionName: subscription.functionName,
          queueName: subscription.queueName,
          receiveCount: message.receiveCount,
          reason,
          deadLetteredAt: new Date().toISOString(),
          event: message.logged.event,
        });
        this.options.log.error(`${subscription.functionName}: event ${message.logged.event.id} moved to the dead-letter list after ${message.receiveCount} receives`);
      }
    }
    const first = retry[0];
    if (first) this.schedule(subscription, retry, this.retryDelayMs(first.receiveCount));
  }
}
