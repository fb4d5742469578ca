import type { DomainEvent, OrderedLine, OrderSummary, Product } from '@shoplane/contracts';
import type { StoredOrder } from './order.js';

export interface OrderPage {
  items: OrderSummary[];
  nextCursor: string | null;
}

/** The request a new order answers: the same customer's Idempotency-Key. */
export interface OrderRequestKey {
  userId: string;
  idempotencyKey: string;
}

export type CreateOutcome = { kind: 'created' } | { kind: 'exists'; orderId: string };

export interface OrderRepository {
  /**
   * Stores a new order with its events in one transaction. With a request key, the
   * key is claimed in the same transaction: a second order for one key is never
   * written, and the outcome names the order the key already placed.
   */
  create(order: StoredOrder, events: DomainEvent[], requestKey?: OrderRequestKey): Promise<CreateOutcome>;
  find(orderId: string): Promise<StoredOrder | undefined>;
  /** One page of a customer's orders, newest first; throws a 400 `invalid-cursor` for a cursor not issued for this listing. */
  listByUser(userId: string, limit: number, cursor: string | undefined): Promise<OrderPage>;
  /**
   * Writes `next` (a move from `previous`) with its events, on condition that the stored
   * status is still one `transitions` allows the move from; false (nothing written) when not.
   */
  move(previous: StoredOrder, next: StoredOrder, events: DomainEvent[]): Promise<boolean>;
  /** Up to `limit` orders whose `sweepDueAt` is not after `now`, the longest due first. */
  dueForSweep(now: Date, limit: number): Promise<StoredOrder[]>;
  /**
   * Writes what a sweep did with `order` (looked at it, next due at `nextDueAt`, or no more
   * when undefined) with its events, on condition that the order is still in the status and
   * due time it was read with; false (nothing written) when a step or another sweep came first.
   */
  recordSweep(order: StoredOrder, nextDueAt: Date | undefined, events: DomainEvent[]): Promise<boolean>;
}

export interface ProductCatalogue {
  /** The products among these ids (at most 100), archived ones included; unknown ids are left out. `correlationId`: the request asking. */
  productsByIds(productIds: string[], correlationId?: string): Promise<Map<string, Product>>;
}

export interface CartSource {
  /** What the customer's cart holds now: products and quantities, never prices. `correlationId`: the request asking. */
  linesOf(userId: string, correlationId?: string): Promise<OrderedLine[]>;
}
