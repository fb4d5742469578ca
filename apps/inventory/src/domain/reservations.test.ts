import { BusyError } from '@shoplane/contracts';
import { describe, expect, it } from 'vitest';
import { ReservationStateError } from './errors.js';
import type { ReservationRepository, ReserveOutcome } from './ports.js';
import { newReservation, type Reservation } from './reservation.js';
import { commit, release, reserve } from './reservations.js';
import { newStockRecord } from './stock.js';

// Races DynamoDB Local cannot be made to lose on cue, replayed through the port.
const productId = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const now = new Date('2026-01-01T00:00:00.000Z');
const request = { reservationId: 'ord_race', items: [{ productId, quantity: 2 }] };
const held = newReservation('ord_race', request.items, now);

/** A repository answering from scripts, one answer per call, and counting the calls. */
function scriptedRepository(script: { reserve?: ReserveOutcome[]; find?: (Reservation | undefined)[]; settle?: ('settled' | 'stale')[] }) {
  const calls = { reserve: 0, find: 0, settle: 0 };
  const next = <T>(answers: T[] | undefined, kind: keyof typeof calls): T => {
    const answer = answers?.[calls[kind]++];
    if (answer === undefined && kind !== 'find') throw new Error(`no scripted answer for ${kind} call ${calls[kind]}`);
    return answer as T;
  };
  const repository: ReservationRepository = {
    reserve: async () => next(script.reserve, 'reserve'),
    find: async () => next(script.find, 'find'),
    settle: async () => next(script.settle, 'settle'),
    createIfAbsent: async () => true,
  };
  return { deps: { reservations: repository, clock: () => now }, calls };
}

const stockOf = (available: number) => new Map([[productId, { ...newStockRecord(productId, available, now) }]]);

describe('reserve, when a refusal is out of date', () => {
  it('tries again when the stock read after the refusal would now satisfy the request', async () => {
    const { deps, calls } = scriptedRepository({ reserve: [{ kind: 'refused', stock: stockOf(5) }, { kind: 'reserved' }] });

    const reservation = await reserve(deps, request);

    expect(reservation).toMatchObject({ reservationId: 'ord_race', status: 'reserved' });
    expect(calls.reserve).toBe(2);
  });

  it('answers busy instead of guessing when that keeps happening', async () => {
    const refusedButAvailable: ReserveOutcome = { kind: 'refused', stock: stockOf(5) };
    const { deps } = scriptedRepository({ reserve: [refusedButAvailable, refusedButAvailable, refusedButAvailable] });

    await expect(reserve(deps, request)).rejects.toBeInstanceOf(BusyError);
  });
});

describe('settling a reservation someone else settled first', () => {
  it('answers committed when a concurrent commit won', async () => {
    const { deps, calls } = scriptedRepository({ find: [held, { ...held, status: 'committed' }], settle: ['stale'] });

    expect(await commit(deps, 'ord_race')).toBe('committed');
    expect(calls.settle).toBe(1);
  });

  it('refuses to release when a concurrent commit won', async () => {
    const { deps } = scriptedRepository({ find: [held, { ...held, status: 'committed' }], settle: ['stale'] });

    await expect(release(deps, 'ord_race')).rejects.toBeInstanceOf(ReservationStateError);
  });
});
