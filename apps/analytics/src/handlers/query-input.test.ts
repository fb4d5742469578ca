import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, analyticsTestbed, type AnalyticsTestbed } from '../test-support.js';

let bed: AnalyticsTestbed;
beforeAll(async () => {
  bed = await analyticsTestbed();
});

const timestamp = fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((date) => date.toISOString());
const value = fc.oneof(fc.string(), timestamp, timestamp.map((text) => text.slice(0, 10)), fc.integer({ min: -5, max: 500 }).map(String), fc.constantFrom('ORDER_PLACED', 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V', ''));
/** Mostly the operation's own parameters (so its reads run), sometimes a stranger among them. */
const query = (names: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ minLength: 1, maxLength: 8 })), value, { maxKeys: 5 }) },
  );

describe('whatever an admin puts in the query', () => {
  it('GET /analytics/events answers a page, a 400 or a 422, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(query(['type', 'userId', 'from', 'to', 'limit', 'cursor']), async (input) => {
        expect([200, 400, 422]).toContain((await bed.events(admin, input)).status);
      }),
      { numRuns: 100 },
    );
  });

  it('GET /analytics/summary answers a summary or a 422, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(query(['from', 'to', 'top']), async (input) => {
        expect([200, 422]).toContain((await bed.summary(admin, input)).status);
      }),
      { numRuns: 100 },
    );
  });
});
