import { OrderStatus } from '@shoplane/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayMove } from './order-status.js';
import { decide, type Step } from './steps.js';

const allSteps: Step[] = ['validate', 'beginPayment', 'confirm', 'fail', 'cancel'];

/** Runs steps on a status as the use cases do, recording every status reached. */
function run(steps: Step[]): OrderStatus[] {
  const reached: OrderStatus[] = ['CREATED'];
  for (const step of steps) {
    const current = reached.at(-1) ?? 'CREATED';
    const decision = decide(step, current);
    if (decision.kind === 'move') reached.push(decision.to);
  }
  return reached;
}

describe('decide', () => {
  it('moves only along the transitions table, whatever the steps, however often repeated', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...allSteps), { maxLength: 30 }), (steps) => {
        const reached = run(steps.flatMap((step) => [step, step]));
        reached.slice(1).forEach((status, index) => expect(mayMove(reached[index] ?? 'CREATED', status)).toBe(true));
      }),
    );
  });

  it('answers a step repeated right after it moved the order, instead of moving it again or refusing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OrderStatus.options), fc.constantFrom(...allSteps), (status, step) => {
        const first = decide(step, status);
        fc.pre(first.kind === 'move');
        if (first.kind === 'move') expect(decide(step, first.to)).toEqual({ kind: 'answer' });
      }),
    );
  });

  it.each([
    ['validate', 'CREATED', { kind: 'answer' }],
    ['validate', 'PAYMENT_PENDING', { kind: 'answer' }],
    ['beginPayment', 'CREATED', { kind: 'move', to: 'PAYMENT_PENDING' }],
    ['confirm', 'PAYMENT_PENDING', { kind: 'move', to: 'CONFIRMED' }],
    ['fail', 'PAYMENT_PENDING', { kind: 'move', to: 'FAILED' }],
    ['fail', 'CANCELLED', { kind: 'answer' }],
    ['cancel', 'CREATED', { kind: 'move', to: 'CANCELLED' }],
    ['cancel', 'CANCELLED', { kind: 'answer' }],
  ] as const)('%s on a %s order: %o', (step, status, decision) => {
    expect(decide(step, status)).toEqual(decision);
  });

  it.each([
    ['validate', 'CONFIRMED', 'order-not-payable'],
    ['validate', 'FAILED', 'order-not-payable'],
    ['beginPayment', 'CANCELLED', 'order-cancelled'],
    ['beginPayment', 'FAILED', 'order-not-payable'],
    ['beginPayment', 'CONFIRMED', 'order-not-payable'],
    ['confirm', 'CREATED', 'order-status-conflict'],
    ['confirm', 'FAILED', 'order-status-conflict'],
    ['fail', 'CONFIRMED', 'order-status-conflict'],
    ['cancel', 'PAYMENT_PENDING', 'order-not-cancellable'],
    ['cancel', 'CONFIRMED', 'order-not-cancellable'],
  ] as const)('%s on a %s order is refused with %s', (step, status, code) => {
    const decision = decide(step, status);

    expect(decision.kind).toBe('refuse');
    if (decision.kind === 'refuse') expect(decision.error.code).toBe(code);
  });
});
