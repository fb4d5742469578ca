import { OrderStatus } from '@shoplane/contracts';
import { describe, expect, it } from 'vitest';
import { isFinal, mayMove, statusesLeadingTo, transitions } from './order-status.js';

describe('order status transitions', () => {
  it('name every status of the contract, and only those', () => {
    expect(Object.keys(transitions).sort()).toEqual([...OrderStatus.options].sort());
  });

  it('go CREATED → PAYMENT_PENDING → CONFIRMED, with FAILED before confirmation and CANCELLED only before payment', () => {
    expect(transitions).toEqual({
      CREATED: ['PAYMENT_PENDING', 'FAILED', 'CANCELLED'],
      PAYMENT_PENDING: ['CONFIRMED', 'FAILED'],
      CONFIRMED: [],
      FAILED: [],
      CANCELLED: [],
    });
  });

  it('make CONFIRMED, FAILED and CANCELLED final', () => {
    expect(OrderStatus.options.filter(isFinal).sort()).toEqual(['CANCELLED', 'CONFIRMED', 'FAILED']);
  });

  it('derive each write\'s condition from the table: the statuses a move may come from', () => {
    expect(statusesLeadingTo('PAYMENT_PENDING')).toEqual(['CREATED']);
    expect(statusesLeadingTo('CONFIRMED')).toEqual(['PAYMENT_PENDING']);
    expect(statusesLeadingTo('FAILED')).toEqual(['CREATED', 'PAYMENT_PENDING']);
    expect(statusesLeadingTo('CANCELLED')).toEqual(['CREATED']);
    expect(statusesLeadingTo('CREATED')).toEqual([]);
  });

  it('never lead back to a status already left: every path ends in a final status', () => {
    const reachable = (from: OrderStatus, seen: OrderStatus[] = []): OrderStatus[] =>
      transitions[from].flatMap((to) => {
        expect(seen).not.toContain(to);
        return [to, ...reachable(to, [...seen, from])];
      });

    expect(new Set(reachable('CREATED'))).toEqual(new Set(['PAYMENT_PENDING', 'CONFIRMED', 'FAILED', 'CANCELLED']));
    for (const from of OrderStatus.options) expect(mayMove(from, from)).toBe(false);
  });
});
