import { newId } from '@shoplane/lambda-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../domain/errors.js';
import { paymentFailed, paymentSucceeded } from '../domain/payment-events.js';
import { newPayment, type Payment } from '../domain/payment.js';
import { chargeRequest, paymentsTestbed, type PaymentsTestbed } from '../test-support.js';

let bed: PaymentsTestbed;

beforeAll(async () => {
  bed = await paymentsTestbed();
});

const minute = 60_000;

function fresh(leaseMs = minute): Payment {
  const now = new Date();
  return newPayment(chargeRequest(), newId('pay'), now, new Date(now.getTime() + leaseMs));
}

describe('the payment repository (DynamoDB Local)', () => {
  it('lets exactly one of ten simultaneous claims create the order\'s payment', async () => {
    const payment = fresh();

    const claims = await Promise.all(Array.from({ length: 10 }, (_unused, index) => bed.payments.claim({ ...payment, paymentId: newId('pay') }, `task-${index}`)));

    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    const winner = claims.find((claim) => claim.kind === 'claimed');
    for (const claim of claims.filter((candidate) => candidate.kind === 'exists')) expect(claim).toEqual({ kind: 'exists', payment: winner?.kind === 'claimed' ? winner.payment : undefined });
  });

  it('lets a void and a claim of the same order race: exactly one of them wins', async () => {
    const payment = fresh();

    const [voided, claim] = await Promise.all([bed.payments.voidOrder(payment.orderId, newId('pay'), new Date()), bed.payments.claim(payment, undefined)]);

    expect(voided !== (claim.kind === 'claimed')).toBe(true);
    if (voided) expect(claim.kind).toBe('voided');
  });

  it('moves a payment once when two transitions from the same status race, writing only the winner\'s event', async () => {
    const payment = fresh();
    await bed.payments.claim(payment, undefined);
    const at = new Date();
    const captured = { ...payment, status: 'CAPTURED' as const, provider: 'sandbox' as const };

    const results = await Promise.all([
      bed.payments.transition({ payment, to: 'CAPTURED', at, changes: { provider: 'sandbox', providerReference: 'sbx_ch_1' }, events: [paymentSucceeded(captured, 'race', at)] }),
      bed.payments.transition({ payment, to: 'CANCELLED', at, events: [paymentFailed(payment, 'payment-cancelled', 'race', at)] }),
    ]);

    expect(results.filter((result) => result === 'moved')).toHaveLength(1);
    const winner = results[0] === 'moved' ? 'CAPTURED' : 'CANCELLED';
    expect((await bed.payments.find(payment.orderId))?.status).toBe(winner);
    expect((await bed.events(payment.orderId)).map((event) => event.eventType)).toEqual([winner === 'CAPTURED' ? 'PaymentSucceeded' : 'PaymentFailed']);
  });

  it('refuses a move the transition table does not allow, before writing anything', async () => {
    const payment = fresh();
    await bed.payments.claim(payment, undefined);

    await expect(bed.payments.transition({ payment, to: 'REFUNDED', at: new Date(), events: [] })).rejects.toBeInstanceOf(IllegalTransitionError);
    expect((await bed.payments.find(payment.orderId))?.status).toBe('PROCESSING');
  });

  it('hands a waiting Task\'s token to exactly one of five simultaneous takers, and takes it back once', async () => {
    const payment = fresh();
    await bed.payments.claim(payment, 'task-once');

    const taken = await Promise.all(Array.from({ length: 5 }, () => bed.payments.takeTaskToken(payment.orderId)));

    expect(taken.filter((token) => token === 'task-once')).toHaveLength(1);
    await bed.payments.restoreTaskToken(payment.orderId, 'task-once');
    expect(await bed.payments.takeTaskToken(payment.orderId)).toBe('task-once');
    expect(await bed.payments.takeTaskToken(payment.orderId)).toBeUndefined();
  });

  it('keeps a held lease from every other caller and gives a lapsed one to exactly one of them', async () => {
    const held = fresh(minute);
    const lapsed = fresh(-minute);
    await bed.payments.claim(held, undefined);
    await bed.payments.claim(lapsed, undefined);
    const now = new Date();
    const until = new Date(now.getTime() + minute);

    expect(await bed.payments.takeLease(held.orderId, now, until)).toBe(false);
    const takers = await Promise.all(Array.from({ length: 5 }, () => bed.payments.takeLease(lapsed.orderId, now, until)));
    expect(takers.filter(Boolean)).toHaveLength(1);
  });
});
