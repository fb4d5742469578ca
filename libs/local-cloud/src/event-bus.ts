import { randomUUID } from 'node:crypto';
import type { SQSEvent } from 'aws-lambda';
import { failedItems } from './batch-response.js';
import { rejectionOf, toBusEvent, PutEventsValidationError, QueueNotFoundError, type BusEvent, type PutEventsEntry, type PutEventsResultEntry } from './event-bus-entries.js';
import type { LocalLog } from './log.js';
import { localMaxReceives, toSqsEvent, type QueuedMessage } from './sqs-records.js';

export { PutEventsValidationError, QueueNotFoundError, type BusEvent, type PutEventsEntry, type PutEventsResultEntry } from './event-bus-entries.js';

/**
 * A manifest subscription or queue: in AWS a rule → SQS queue (with DLQ) → Lambda with
 * partial batch responses. A queue others send to (`send`) may list no event types.
 */
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

/** What a dead-letter list records of any message its consumer gave up on. */
interface DeadLetterRecord {
  messageId: string;
  functionName: string;
  queueName: string;
  receiveCount: number;
  reason: string;
  deadLetteredAt: string;
}

export interface DeadLetter extends DeadLetterRecord {
  event: BusEvent;
}

/** A message sent straight to a queue (SQS SendMessage) that its consumer kept failing. */
export interface DeadLetteredMessage extends DeadLetterRecord {
  body: string;
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
interface Message extends QueuedMessage {
  /** The bus event it carries; none for a message sent straight to the queue. */
  logged?: LoggedEvent;
}
const historySize = 500;

/**
 * The platform event bus and the queues behind it, in memory: PutEvents in, SQS-style
 * batches out to each subscribed handler; SendMessage (`send`) into one queue, with the
 * same redelivery and dead-letter list.
 */
export class LocalEventBus {
  private readonly history: LoggedEvent[] = [];
  private readonly dead: DeadLetter[] = [];
  private readonly deadMessages: DeadLetteredMessage[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: (() => void)[] = [];
  /** Messages waiting in a paused queue, by queue name. */
  private readonly held = new Map<string, { subscription: BusSubscription; messages: Message[] }[]>();
  private inFlight = 0;
  private stopped = false;
  private readonly maxReceives: number;
  private readonly retryDelayMs: (receiveCount: number) => number;

  constructor(private readonly options: EventBusOptions) {
    this.maxReceives = options.maxReceives ?? localMaxReceives;
    // Stands in for SQS's visibility timeout (minutes in AWS): long enough that a delivery
    // which found another one mid-way (a notification's lease, a payment's) retries after that
    // one has settled, even on a busy laptop; short enough that a dead letter shows within ~3 s.
    this.retryDelayMs = options.retryDelayMs ?? ((receiveCount) => 1000 * 2 ** (receiveCount - 1));
  }

  get events(): LoggedEvent[] {
    return [...this.history];
  }

  get deadLetters(): DeadLetter[] {
    return [...this.dead];
  }

  /** Messages sent straight to a queue that ended in its dead-letter list. */
  get deadLetteredMessages(): DeadLetteredMessage[] {
    return [...this.deadMessages];
  }

  put(entries: PutEventsEntry[]): { FailedEntryCount: number; Entries: PutEventsResultEntry[] } {
    if (entries.length < 1 || entries.length > 10) {
      throw new PutEventsValidationError('Entries must contain between 1 and 10 items.');
    }
    const batches = new Map<BusSubscription, Message[]>();
    const results = entries.map((entry): PutEventsResultEntry => {
      const rejection = rejectionOf(entry, this.options.busName);
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

  /**
   * SQS SendMessage: the messages join the queue, in one batch, and reach its consumer
   * like the bus's events. Answers their message ids.
   */
  send(queueName: string, ...bodies: string[]): string[] {
    const subscription = this.options.subscriptions.find((candidate) => candidate.queueName === queueName);
    if (!subscription) throw new QueueNotFoundError(queueName);
    const messages: Message[] = bodies.map((body) => ({ messageId: randomUUID(), body, sentAt: Date.now(), receiveCount: 0 }));
    if (messages.length > 0) this.schedule(subscription, messages, 0);
    return messages.map((message) => message.messageId);
  }

  /** Nothing in flight: every accepted event and message delivered or dead-lettered, no retry waiting. */
  get idle(): boolean {
    return this.inFlight === 0;
  }

  /** Resolves once every accepted event has been delivered or dead-lettered (retries included). */
  drain(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops handing a queue's messages to its consumer, as disabling the queue's event
   * source mapping does in AWS: they wait in the queue (and are not in flight for `drain`).
   */
  pause(queueName: string): void {
    if (!this.held.has(queueName)) this.held.set(queueName, []);
  }

  /** Delivers what waited in the queue, and everything after it, again. */
  resume(queueName: string): void {
    const waiting = this.held.get(queueName) ?? [];
    this.held.delete(queueName);
    for (const { subscription, messages } of waiting) this.schedule(subscription, messages, 0);
  }

  /** Drops scheduled retries; used when the shop stops. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.inFlight = 0;
    this.settle();
  }

  private record(entry: PutEventsEntry): LoggedEvent {
    const event = toBusEvent(entry);
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
      const waiting = this.held.get(subscription.queueName);
      if (waiting) {
        waiting.push({ subscription, messages });
        this.inFlight = Math.max(0, this.inFlight - 1);
        this.settle();
        return;
      }
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

  private async deliver(subscription: BusSubscription, messages: Message[]): Promise<void> {
    const now = Date.now();
    for (const message of messages) {
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      if (message.logged) message.logged.deliveries[subscription.functionName] = { status: 'pending', receives: message.receiveCount };
    }
    const event = toSqsEvent(subscription.queueName, messages);
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
      const status = !failed.has(message.messageId) ? 'delivered' : message.receiveCount < this.maxReceives ? 'retrying' : 'dead-lettered';
      if (message.logged) message.logged.deliveries[subscription.functionName] = { status, receives: message.receiveCount };
      if (status === 'retrying') retry.push(message);
      if (status === 'dead-lettered') this.deadLetter(subscription, message, reason);
    }
    const first = retry[0];
    if (first) this.schedule(subscription, retry, this.retryDelayMs(first.receiveCount));
  }

  private deadLetter(subscription: BusSubscription, message: Message, reason: string): void {
    const letter: DeadLetterRecord = {
      messageId: message.messageId,
      functionName: subscription.functionName,
      queueName: subscription.queueName,
      receiveCount: message.receiveCount,
      reason,
      deadLetteredAt: new Date().toISOString(),
    };
    if (message.logged) this.dead.push({ ...letter, event: message.logged.event });
    else this.deadMessages.push({ ...letter, body: message.body });
    const what = message.logged ? `event ${message.logged.event.id}` : `message ${message.messageId}`;
    this.options.log.error(`${subscription.functionName}: ${what} moved to the dead-letter list after ${message.receiveCount} receives`);
  }
}
