import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canMove, newPayment, outputOf, paymentTransitions, type Payment, type PaymentStatus } from './payment.js';
import { decide } from './settlement.js';

const statuses = Object.keys(paymentTransitions) as PaymentStatus[];
const request = { orderId: 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V', userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V', amount: { amount: 2599, currency: 'USD' as const }, method: 'CARD' as const, token: 'tok_visa' };
const at = new Date('2026-12-01T10:00:00.000Z');
const paymentIn = (status: PaymentStatus, overrides: Partial<Payment> = {}): Payment => ({ ...newPayment(request, 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V', at, at), status, ...overrides });

describe('payment transitions', () => {
  it.each([
    ['PROCESSING', ['CAPTURED', 'DECLINED', 'PENDING', 'CANCELLED']],
    ['PENDING', ['CAPTURED', 'DECLINED', 'CANCELLED']],
    ['CAPTURED', ['REFUNDED']],
    ['CANCELLED', ['REFUNDED']],
    ['DECLINED', []],
    ['REFUNDED', []],
  ] as const)('lets a %s payment move to %j and nowhere else', (from, allowed) => {
    for (const to of statuses) expect(canMove(from, to), `${from} → ${to}`).toBe((allowed as readonly string[]).includes(to));
  });

  it('never returns to PROCESSING, and any sequence of moves ends after at most three', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statuses), { maxLength: 12 }), (wanted) => {
        let status: PaymentStatus = 'PROCESSING';
        let moves = 0;
        for (const to of wanted) {
          if (!canMove(status, to)) continue;
          status = to;
          moves++;
          expect(status).not.toBe('PROCESSING');
        }
        expect(moves).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('what processPayment answers for a payment', () => {
  it.each([
    ['CAPTURED', {}, { status: 'CAPTURED' }],
    ['DECLINED', { declineReason: 'insufficient-funds' as const }, { status: 'DECLINED', reason: 'insufficient-funds' }],
    ['PENDING', {}, { status: 'PENDING' }],
    ['PROCESSING', {}, { status: 'PENDING' }],
    ['CANCELLED', {}, { status: 'DECLINED', reason: 'payment-timeout' }],
    ['REFUNDED', {}, { status: 'DECLINED', reason: 'payment-declined' }],
  ] as const)('answers a %s payment as %j', (status, overrides, expected) => {
    expect(outputOf(paymentIn(status, overrides))).toEqual({ paymentId: 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V', orderId: request.orderId, ...expected });
  });

  it('answers CAPTURED only while the money is held', () => {
    for (const status of statuses) expect(outputOf(paymentIn(status)).status === 'CAPTURED').toBe(status === 'CAPTURED');
  });
});

describe('deciding on a provider\'s verdict', () => {
  it.each([
    ['PROCESSING', 'CAPTURED', { kind: 'move', to: 'CAPTURED' }],
    ['PROCESSING', 'PENDING', { kind: 'move', to: 'PENDING' }],
    ['PROCESSING', 'DECLINED', { kind: 'move', to: 'DECLINED' }],
    ['PENDING', 'CAPTURED', { kind: 'move', to: 'CAPTURED' }],
    ['PENDING', 'DECLINED', { kind: 'move', to: 'DECLINED' }],
    ['PENDING', 'PENDING', { kind: 'keep' }],
    ['CANCELLED', 'CAPTURED', { kind: 'refund' }],
    ['CANCELLED', 'PENDING', { kind: 'withdraw' }],
    ['CANCELLED', 'DECLINED', { kind: 'keep' }],
    ['CAPTURED', 'CAPTURED', { kind: 'keep' }],
    ['CAPTURED', 'DECLINED', { kind: 'keep' }],
    ['DECLINED', 'CAPTURED', { kind: 'keep' }],
    ['REFUNDED', 'CAPTURED', { kind: 'keep' }],
  ] as const)('for a %s payment told %s: %j', (status, verdict, decision) => {
    expect(decide(status, verdict)).toEqual(decision);
  });

  it('only ever moves a payment along the transition table', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom('CAPTURED', 'DECLINED', 'PENDING' as const), (status, verdict) => {
        const decision = decide(status, verdict);
        if (decision.kind === 'move') expect(canMove(status, decision.to)).toBe(true);
        if (decision.kind === 'refund') expect(canMove(status, 'REFUNDED')).toBe(true);
      }),
    );
  });
});
