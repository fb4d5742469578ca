import { beforeAll, describe, expect, it } from 'vitest';
import { admin, analyticsTestbed, type AnalyticsTestbed } from '../test-support.js';

let bed: AnalyticsTestbed;
beforeAll(async () => {
  bed = await analyticsTestbed();
});

describe('GET /analytics/summary', () => {
  it('summarizes the 30 days up to today when no range is asked, with zeros when nothing happened', async () => {
    const response = await bed.summary(admin);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ from: '2026-03-02', to: '2026-03-31', orders: { created: 0, confirmed: 0, failed: 0, cancelled: 0 }, currencies: [], topProducts: [] });
  });

  it.each([
    [{ from: '2025-01-01', to: '2026-03-31' }, 'invalid-range', 'query.from'],
    [{ from: '2026-04-02' }, 'invalid-range', 'query.from'],
    [{ from: '2026-03-31', to: '2026-03-01' }, 'validation-failed', 'query.from'],
    [{ to: '31/03/2026' }, 'validation-failed', 'query.to'],
    [{ top: '51' }, 'validation-failed', 'query.top'],
  ])('answers 422 for %j', async (query, type, path) => {
    const response = await bed.summary(admin, query);

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ type: expect.stringContaining(type), errors: [expect.objectContaining({ path })] });
  });
});
