import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '@shoplane/contracts';
import { transitions } from './order-status.js';
import { nextSweepAt, sweepActionFor, sweepDueAt, sweepPolicy, type SweptOrder } from './sweep.js';

const minute = 60_000;
const placed = '2026-12-01T10:00:00.000Z';
const later = (minutes: number, from = placed) => new Date(Date.parse(from) + minutes * minute);
const order = (status: OrderStatus, changedMinutesAfterPlacing = 0): SweptOrder => ({ status, createdAt: placed, updatedAt: later(changedMinutesAfterPlacing).toISOString() });

describe('when the sweeper looks at an order', () => {
  it('looks at a CREATED order 2 minutes after it was placed, and a paying one 17 minutes after payment began', () => {
    expect(sweepDueAt(order('CREATED'))).toEqual(later(2));
    expect(sweepDueAt(order('PAYMENT_PENDING', 1))).toEqual(later(18));
  });

  it('looks at a failed or cancelled order once every execution has ended and its own undoing has had its time', () => {
    expect(sweepDueAt(order('FAILED', 1))).toEqual(later(75));
    expect(sweepDueAt(order('CANCELLED', 70))).toEqual(later(85));
  });

  it('never looks at a confirmed order: nothing is left to undo', () => {
    expect(sweepDueAt(order('CONFIRMED', 1))).toBeUndefined();
  });
});

describe('what the sweeper does with a due order', () => {
  it('restarts the checkout of an open order that is due, until every execution must have ended', () => {
    expect(sweepActionFor(order('CREATED'), later(2))).toBe('restart');
    expect(sweepActionFor(order('PAYMENT_PENDING', 1), later(74))).toBe('restart');
  });

  it('abandons an open order once every execution must have ended', () => {
    expect(sweepActionFor(order('CREATED'), later(75))).toBe('abandon');
    expect(sweepActionFor(order('PAYMENT_PENDING', 1), later(90))).toBe('abandon');
  });

  it('settles a failed or cancelled order once, and then forgets it', () => {
    const failed = order('FAILED', 3);

    expect(sweepActionFor(failed, later(75))).toBe('settle');
    expect(nextSweepAt(failed, 'settle', later(75))).toBeUndefined();
  });

  it('waits on an order that is not due yet, and forgets a confirmed one', () => {
    expect(sweepActionFor(order('CREATED'), later(1))).toBe('wait');
    expect(sweepActionFor(order('FAILED', 3), later(30))).toBe('wait');
    expect(sweepActionFor(order('CONFIRMED', 3), later(300))).toBe('forget');
  });

  it('looks at a restarted order again 10 minutes later, and no later than when it is to be abandoned', () => {
    expect(nextSweepAt(order('CREATED'), 'restart', later(2))).toEqual(later(12));
    expect(nextSweepAt(order('CREATED'), 'restart', later(70))).toEqual(later(75));
  });
});

describe('the sweep, for any order and any moment', () => {
  const statuses = Object.keys(transitions) as OrderStatus[];
  const anyOrder = fc.record({
    status: fc.constantFrom(...statuses),
    changedAfter: fc.integer({ min: 0, max: 200 * minute }),
  });
  const anyMoment = fc.integer({ min: 0, max: 400 * minute });

  it('never asks checkout to restart or abandon a settled order, nor to settle an open one', () => {
    fc.assert(
      fc.property(anyOrder, anyMoment, ({ status, changedAfter }, moment) => {
        const swept = { status, createdAt: placed, updatedAt: new Date(Date.parse(placed) + changedAfter).toISOString() };
        const action = sweepActionFor(swept, new Date(Date.parse(placed) + moment));
        const open = status === 'CREATED' || status === 'PAYMENT_PENDING';

        if (['restart', 'abandon'].includes(action)) expect(open).toBe(true);
        if (action === 'settle') expect(open).toBe(false);
        if (status === 'CONFIRMED') expect(action).toBe('forget');
      }),
    );
  });

  it('always moves a due order out of the due window: the next look is later than now, or never', () => {
    fc.assert(
      fc.property(anyOrder, anyMoment, ({ status, changedAfter }, moment) => {
        const swept = { status, createdAt: placed, updatedAt: new Date(Date.parse(placed) + changedAfter).toISOString() };
        const at = new Date(Date.parse(placed) + Math.max(moment, changedAfter));
        const action = sweepActionFor(swept, at);
        const next = nextSweepAt(swept, action, at);

        if (next) expect(next.getTime()).toBeGreaterThan(at.getTime());
      }),
    );
  });

  it('abandons every open order before it is older than the abandon age plus one restart interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 74 }), (restartedAt) => {
        const next = nextSweepAt(order('CREATED'), 'restart', later(restartedAt));

        expect(next && next.getTime() - Date.parse(placed)).toBeLessThanOrEqual(sweepPolicy.abandonAfterMs);
      }),
    );
  });
});
