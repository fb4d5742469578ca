import { describe, expect, it } from 'vitest';
import { billedUnits, costPerMillionCheckouts, prices, type CheckoutUsage } from './cost-model.js';

const usage: CheckoutUsage = {
  httpRequests: 1,
  functions: [
    { name: 'create-order', invocations: 1, meanMs: 99.2, memoryMb: 512 },
    { name: 'reserve-stock', invocations: 2, meanMs: 0.3, memoryMb: 1024 },
  ],
  readUnits: 4,
  writeUnits: 10,
  stateTransitions: 20,
  executionSeconds: 1.5,
  events: 5,
  sqsRequests: 12,
  emails: 1,
  smsPublishes: 0,
};

describe('cost per million checkouts', () => {
  it('prices each line from the counts of one checkout', () => {
    const { lines } = costPerMillionCheckouts(usage);
    const usd = Object.fromEntries(lines.map((line) => [line.item, line.usd]));

    // 1 invocation × 100 ms × 0.5 GB + 2 × 1 ms (rounded up) × 1 GB = 0.052 GB-s per checkout.
    expect(usd['Lambda duration (arm64)']).toBeCloseTo(0.052 * 1_000_000 * prices.lambdaArmGbSecond, 6);
    expect(usd['Lambda requests (arm64)']).toBeCloseTo(3 * 0.2, 9);
    expect(usd['DynamoDB write request units (on-demand)']).toBeCloseTo(6.25, 9);
    expect(usd['DynamoDB read request units (on-demand)']).toBeCloseTo(0.5, 9);
    expect(usd['Step Functions Standard state transitions']).toBeCloseTo(500, 9);
    expect(usd['SES e-mails']).toBeCloseTo(100, 9);
  });

  it('totals the bill once with Standard and once with Express in its place', () => {
    const { lines, standard, express } = costPerMillionCheckouts(usage);
    const shared = lines.filter((line) => !line.item.startsWith('Step Functions')).reduce((sum, line) => sum + line.usd, 0);

    expect(standard - shared).toBeCloseTo(500, 9);
    // 1 request per execution + 1.5 s × 64 MB.
    expect(express - shared).toBeCloseTo(1 + 1.5 * (64 / 1024) * 1_000_000 * prices.stepFunctionsExpressGbSecond, 9);
  });

  it('bills a transaction’s units twice and sorts reads from writes', () => {
    expect(billedUnits({ 'DynamoDB.TransactWriteItems': 3, 'DynamoDB.UpdateItem': 2, 'DynamoDB.GetItem': 0.5, 'DynamoDB.Query': 1 })).toEqual({ readUnits: 1.5, writeUnits: 8 });
  });
});
