import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  domainEvents,
  getAnalyticsSummary,
  listAnalyticsEvents,
  type Currency,
  type DomainEvent,
  type HttpOperation,
  type OrderLine,
  type StockCommittedMessage,
} from '@shoplane/contracts';
import { createTokenSigner, createTokenVerifier, newId, toEnvelope, type Caller } from '@shoplane/lambda-kit';
import { apiEvent, createTestTable, eventBridgeBody, generateTestKeys, invoke, localStoreEndpoint, testTokenSettings, type ParsedResponse } from '@shoplane/testing';
import { dynamoAggregateReader } from './adapters/aggregate-reader.js';
import { dynamoEventLogReader } from './adapters/event-listing.js';
import { dynamoIngestStore } from './adapters/ingest-store.js';
import { entryKey, statsPartition } from './adapters/table-layout.js';
import type { IngestDependencies } from './domain/ingest.js';
import type { ReportDependencies } from './domain/reports.js';
import { getSummaryHandler } from './handlers/get-summary.js';
import { ingestHandler } from './handlers/ingest.js';
import { listEventsHandler } from './handlers/list-events.js';
import { service } from './service.js';

/** "Now" for every report in the tests: summaries default to the 30 days up to it. */
export const testNow = new Date('2026-03-31T12:00:00.000Z');

/**
 * Analytics wired to a fresh table in DynamoDB Local, with in-memory token keys and a
 * fixed clock. One table per testbed: counters are the table's, so a test that checks
 * numbers takes a testbed of its own.
 */
export async function analyticsTestbed() {
  const table = await createTestTable(localStoreEndpoint(), service);
  const keys = generateTestKeys();
  const signer = createTokenSigner(keys, testTokenSettings);
  const verifier = () => createTokenVerifier(keys, testTokenSettings);
  const ingestDeps = (): IngestDependencies => ({ store: dynamoIngestStore(table.documents, table.name) });
  const reportDeps = (): ReportDependencies => ({ log: dynamoEventLogReader(table.documents, table.name), aggregates: dynamoAggregateReader(table.documents, table.name) });
  const routes = {
    events: listEventsHandler(reportDeps, verifier, () => testNow),
    summary: getSummaryHandler(reportDeps, verifier, () => testNow),
  };
  const call = async (operation: HttpOperation, handler: (typeof routes)[keyof typeof routes], caller: Caller | undefined, query: Record<string, string>) => {
    const token = caller ? (await signer.sign(caller)).token : undefined;
    return invoke(handler, apiEvent(operation, { token, query }));
  };
  return {
    table,
    ingest: ingestHandler(ingestDeps),
    ingestDeps,
    /** GET /analytics/events as API Gateway calls it; no caller means no token. */
    events: (caller: Caller | undefined, query: Record<string, string> = {}) => call(listAnalyticsEvents, routes.events, caller, query),
    /** GET /analytics/summary as API Gateway calls it. */
    summary: (caller: Caller | undefined, query: Record<string, string> = {}) => call(getAnalyticsSummary, routes.summary, caller, query),
    /** The EventLogs item of an event, read straight from the table. */
    async entry(eventId: string): Promise<Record<string, unknown> | undefined> {
      return (await table.documents.send(new GetCommand({ TableName: table.name, Key: entryKey(eventId), ConsistentRead: true }))).Item;
    },
    /** Every counter item of a month, as stored. */
    async counters(month: string): Promise<Record<string, unknown>[]> {
      const { Items = [] } = await table.documents.send(
        new QueryCommand({ TableName: table.name, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': statsPartition(month) }, ConsistentRead: true }),
      );
      return Items;
    },
  };
}

export type AnalyticsTestbed = Awaited<ReturnType<typeof analyticsTestbed>>;

export const admin: Caller = { userId: newId('usr'), role: 'admin' };
export const customer: Caller = { userId: newId('usr'), role: 'customer' };

/** A line as orders snapshots it: `quantity` units of a product at a price. */
export function line(productId: string, quantity: number, unitPrice: number, currency: Currency = 'USD', name = 'Enamel mug'): OrderLine {
  return { productId, name, unitPrice: { amount: unitPrice, currency }, quantity, lineTotal: { amount: unitPrice * quantity, currency } };
}

const totalOf = (lines: OrderLine[]) => ({ amount: lines.reduce((sum, each) => sum + each.lineTotal.amount, 0), currency: lines[0]?.lineTotal.currency ?? 'USD' });
const checked = <T extends DomainEvent>(event: T): T => domainEvents[event.eventType].parse(event) as T;

/** One order as the shop's events tell it; each method is the event its owner would publish at `at`. */
export function order(lines: OrderLine[], userId: string = newId('usr')) {
  const orderId = newId('ord');
  const paymentId = newId('pay');
  const total = totalOf(lines);
  const payment = { paymentId, orderId, userId, amount: total, method: 'CARD' as const, provider: 'sandbox' };
  return {
    orderId,
    userId,
    lines,
    total,
    created: (at: string) => checked(toEnvelope('orders', { eventType: 'OrderCreated', correlationId: orderId, data: { orderId, userId, lines, total, paymentMethod: 'CARD' } }, new Date(at))),
    confirmed: (at: string) => checked(toEnvelope('orders', { eventType: 'OrderConfirmed', correlationId: orderId, data: { orderId, userId, lines, total, paymentId } }, new Date(at))),
    failed: (at: string) => checked(toEnvelope('orders', { eventType: 'OrderFailed', correlationId: orderId, data: { orderId, userId, reason: 'payment-declined' } }, new Date(at))),
    cancelled: (at: string) => checked(toEnvelope('orders', { eventType: 'OrderCancelled', correlationId: orderId, data: { orderId, userId } }, new Date(at))),
    paid: (at: string) => checked(toEnvelope('payments', { eventType: 'PaymentSucceeded', correlationId: orderId, data: payment }, new Date(at))),
    refunded: (at: string) => checked(toEnvelope('payments', { eventType: 'PaymentRefunded', correlationId: orderId, data: payment }, new Date(at))),
    completed: (at: string) =>
      checked(
        toEnvelope(
          'checkout',
          { eventType: 'CheckoutCompleted', correlationId: orderId, data: { orderId, userId, paymentId, total, lines: lines.map(({ productId, quantity }) => ({ productId, quantity })), startedAt: at } },
          new Date(at),
        ),
      ),
  };
}

export type TestOrder = ReturnType<typeof order>;

/** Inventory's direct message for units of a product committed to a reservation. */
export function stockCommitted(productId: string, quantity: number, at: string, reservationId: string = newId('ord')): StockCommittedMessage {
  return { eventId: newId('evt'), eventType: 'STOCK_COMMITTED', metadata: { productId, quantity, reservationId, availableStock: 10, reservedStock: 0, version: 3 }, timestamp: at };
}

/** Bodies of an SQS batch on the ingest queue: events as a rule delivers them, messages as inventory sends them. */
export const bodyOf = (item: DomainEvent | StockCommittedMessage): string => ('source' in item ? eventBridgeBody(item) : JSON.stringify(item));

/** The page body of a listing answer. */
export const pageOf = (response: ParsedResponse) => response.body as { items: { eventId: string; eventType: string; userId?: string; timestamp: string }[]; nextCursor: string | null };
