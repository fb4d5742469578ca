import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttemptDecision } from '../domain/ports.js';
import type { ThrottleKey, ThrottlePolicy } from '../domain/throttle.js';
import { usersTestbed } from '../test-support.js';

let bed: Awaited<ReturnType<typeof usersTestbed>>;

beforeAll(async () => {
  bed = await usersTestbed();
});

const policy: ThrottlePolicy = { scope: 'adapter-test', limit: 3, windowMs: 60_000 };
const key = (subject: string): ThrottleKey => ({ policy, subject });
const start = new Date();
const at = (offsetMs: number) => new Date(start.getTime() + offsetMs);
const admitted = (decisions: AttemptDecision[]) => decisions.filter((decision) => decision.admitted).length;

async function recordInTurn(subject: string, count: number, when: Date) {
  const decisions: AttemptDecision[] = [];
  for (let i = 0; i < count; i++) decisions.push(await bed.attempts.record(key(subject), when));
  return decisions;
}

describe('DynamoDB attempt log', () => {
  it('admits the limit of attempts in a window and refuses the next with the seconds until the first one leaves it', async () => {
    await bed.attempts.record(key('limit'), at(0));
    await recordInTurn('limit', 2, at(20_000));

    const refused = await bed.attempts.record(key('limit'), at(30_000));

    expect(refused).toEqual({ admitted: false, retryAfterSeconds: 30 });
  });

  it('admits again once the oldest attempt has left the window, and only one', async () => {
    await bed.attempts.record(key('slide'), at(0));
    await recordInTurn('slide', 2, at(10_000));

    const afterOldest = await recordInTurn('slide', 2, at(60_000));

    expect(afterOldest.map((decision) => decision.admitted)).toEqual([true, false]);
    expect(afterOldest[1]).toEqual({ admitted: false, retryAfterSeconds: 10 });
  });

  it('frees an attempt\'s slot when the attempt is forgotten', async () => {
    const [first] = await recordInTurn('forget', 3, at(0));
    if (!first?.admitted) throw new Error('the first attempt should have been admitted');

    await first.forget();

    expect((await bed.attempts.record(key('forget'), at(1_000))).admitted).toBe(true);
    expect((await bed.attempts.record(key('forget'), at(1_000))).admitted).toBe(false);
  });

  it('keeps counters apart by subject and by policy', async () => {
    await recordInTurn('apart', 3, at(0));

    expect((await bed.attempts.record(key('apart-too'), at(0))).admitted).toBe(true);
    expect((await bed.attempts.record({ policy: { ...policy, scope: 'adapter-other' }, subject: 'apart' }, at(0))).admitted).toBe(true);
  });

  it('admits exactly the limit out of 30 concurrent attempts, and tells the others when to retry', async () => {
    const decisions = await Promise.all(Array.from({ length: 30 }, () => bed.attempts.record(key('race'), at(0))));

    expect(admitted(decisions)).toBe(policy.limit);
    expect(decisions.filter((decision) => !decision.admitted)).toEqual(Array.from({ length: 27 }, () => ({ admitted: false, retryAfterSeconds: 60 })));
  });

  it('stores a hash of the subject, never the email or address, and expires each attempt by TTL as it leaves the window', async () => {
    await bed.attempts.record(key('203.0.113.9 secret@example.com'), at(0));

    const { Items = [] } = await bed.table.documents.send(new ScanCommand({ TableName: bed.table.name }));
    const stored = Items.filter((item) => String(item['PK']).startsWith('THROTTLE#adapter-test#'));

    expect(JSON.stringify(stored)).not.toMatch(/secret|203\.0\.113/);
    expect(stored).toContainEqual(expect.objectContaining({ freesAt: start.getTime() + 60_000, expiresAt: Math.ceil((start.getTime() + 60_000) / 1000) }));
  });
});
