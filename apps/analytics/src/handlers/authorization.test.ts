import type { ParsedResponse } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, analyticsTestbed, customer, type AnalyticsTestbed } from '../test-support.js';

let bed: AnalyticsTestbed;
beforeAll(async () => {
  bed = await analyticsTestbed();
});

type Route = [route: string, call: (who: Parameters<AnalyticsTestbed['events']>[0]) => Promise<ParsedResponse>];
const routes: Route[] = [
  ['GET /analytics/events', (who) => bed.events(who)],
  ['GET /analytics/summary', (who) => bed.summary(who)],
];

describe('who may read analytics', () => {
  it.each(routes)('%s answers 401 problem+json without a token', async (_route, call) => {
    const response = await call(undefined);

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it.each(routes)('%s answers 403 to a customer', async (_route, call) => {
    const response = await call(customer);

    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it.each(routes)('%s answers 200 to an admin', async (_route, call) => {
    const response = await call(admin);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
  });
});
