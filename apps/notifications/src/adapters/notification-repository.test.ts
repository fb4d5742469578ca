import { BusyError } from '@shoplane/contracts';
import { newId } from '@shoplane/lambda-kit';
import { createTestTable, localStoreEndpoint } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Claim, NotificationRepository } from '../domain/ports.js';
import { service } from '../service.js';
import { dynamoNotificationRepository } from './notification-repository.js';
import { leaseMilliseconds } from './table-layout.js';

let repository: NotificationRepository;

beforeAll(async () => {
  const table = await createTestTable(localStoreEndpoint(), service);
  repository = dynamoNotificationRepository(table.documents, table.name);
});

const request = () => {
  const userId = newId('usr');
  return { dedupeKey: `welcome#${userId}#EMAIL`, userId, channel: 'EMAIL' as const, template: 'welcome' as const };
};
const sent = { status: 'SENT' as const, attempts: 1, subject: 'Welcome', providerMessageId: 'm-1' };
const now = new Date('2026-12-01T10:00:00.000Z');
const later = (milliseconds: number) => new Date(now.getTime() + milliseconds);

function claimed(claim: Claim): Extract<Claim, { kind: 'claimed' }> {
  if (claim.kind !== 'claimed') throw new Error(`expected a claim, got ${claim.kind}`);
  return claim;
}

describe('the notification repository', () => {
  it('lets exactly one of twenty concurrent deliveries of a request claim it', async () => {
    const wanted = request();

    const claims = await Promise.all(Array.from({ length: 20 }, () => repository.claim(wanted, now)));

    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.kind === 'in-progress')).toHaveLength(19);
  });

  it('knows its own claim when the SDK retries it after the answer was lost', async () => {
    // Prepare: a client that applies every write, loses the answer and sends it again, as a retry after a dropped connection does.
    const table = await createTestTable(localStoreEndpoint(), service);
    const answerLost = { send: async (command: never) => (await table.documents.send(command), table.documents.send(command)) } as unknown as typeof table.documents;
    const retrying = dynamoNotificationRepository(answerLost, table.name);
    const wanted = request();

    // Act
    const claim = await retrying.claim(wanted, now);

    // Assess
    expect(claim).toMatchObject({ kind: 'claimed', attempts: 0 });
    expect(await dynamoNotificationRepository(table.documents, table.name).claim(wanted, now)).toEqual({ kind: 'in-progress' });
  });

  it('answers a settled record to every later delivery instead of a claim', async () => {
    const wanted = request();
    const held = claimed(await repository.claim(wanted, now));
    await repository.settle(wanted, held, sent, now);

    const again = await repository.claim(wanted, later(leaseMilliseconds * 10));

    expect(again).toEqual({ kind: 'settled', record: expect.objectContaining({ notificationId: held.notificationId, status: 'SENT', attempts: 1 }) });
  });

  it('hands a record whose delivery vanished to the next one once the lease has run out, keeping its id', async () => {
    const wanted = request();
    const crashed = claimed(await repository.claim(wanted, now));

    const during = await repository.claim(wanted, later(leaseMilliseconds - 1));
    const after = await repository.claim(wanted, later(leaseMilliseconds + 1));

    expect(during.kind).toBe('in-progress');
    expect(claimed(after).notificationId).toBe(crashed.notificationId);
  });

  it('refuses the outcome of a delivery that lost its lease to another', async () => {
    const wanted = request();
    const slow = claimed(await repository.claim(wanted, now));
    const successor = claimed(await repository.claim(wanted, later(leaseMilliseconds + 1)));
    await repository.settle(wanted, successor, sent, later(leaseMilliseconds + 2));

    const late = repository.settle(wanted, slow, { status: 'FAILED', attempts: 3, failureReason: 'provider-unavailable', failureDetail: 'timeout', permanent: false }, later(leaseMilliseconds + 3));

    await expect(late).rejects.toBeInstanceOf(BusyError);
    expect((await repository.claim(wanted, later(leaseMilliseconds * 10))).kind).toBe('settled');
  });

  it('lists only settled records: one being sent is not shown yet', async () => {
    const wanted = request();
    claimed(await repository.claim(wanted, now));

    const page = await repository.listForUser(wanted.userId, { limit: 10 });

    expect(page).toEqual({ items: [], nextCursor: null });
  });
});
