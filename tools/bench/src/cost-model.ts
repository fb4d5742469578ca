/**
 * What a million checkouts cost in AWS, from what one checkout was counted doing locally.
 * No I/O: the counts come in, the lines of the bill come out.
 */

/** us-east-1 public list prices in USD, as written down on `takenOn` (no free tier, no volume tiers beyond the first). */
export const prices = {
  takenOn: '2026-12-01',
  region: 'us-east-1',
  lambdaRequestPerMillion: 0.2,
  lambdaArmGbSecond: 0.0000133334,
  dynamoWriteUnitPerMillion: 0.625,
  dynamoReadUnitPerMillion: 0.125,
  stepFunctionsStandardPerThousandTransitions: 0.025,
  stepFunctionsExpressRequestPerMillion: 1.0,
  stepFunctionsExpressGbSecond: 0.00001667,
  eventBridgeCustomEventPerMillion: 1.0,
  sqsRequestPerMillion: 0.4,
  sesEmailPerThousand: 0.1,
  snsPublishPerMillion: 0.5,
  snsSmsUsEach: 0.00581,
  httpApiRequestPerMillion: 1.0,
} as const;

export type PriceTable = typeof prices;

export interface CheckoutUsage {
  /** HTTP API requests one checkout makes (placing the order). */
  httpRequests: number;
  /** Per function: invocations per checkout, mean billed ms per invocation, memory in MB. */
  functions: { name: string; invocations: number; meanMs: number; memoryMb: number }[];
  /** DynamoDB capacity units per checkout as on-demand bills them (transactions at twice a plain request's units). */
  readUnits: number;
  writeUnits: number;
  /** State transitions of one execution, and its duration (Express bills duration). */
  stateTransitions: number;
  executionSeconds: number;
  /** Custom events put on the bus. */
  events: number;
  /** Requests to SQS: each message a subscription gets is sent, received and deleted. */
  sqsRequests: number;
  emails: number;
  smsPublishes: number;
}

export interface CostLine {
  item: string;
  quantity: string;
  usd: number;
}

const million = 1_000_000;
/** Express bills memory in 64 MB steps; a checkout execution's state is small, so the first step. */
const expressMemoryGb = 64 / 1024;

/** Lambda bills duration rounded up to the millisecond, per invocation. */
const billedMs = (meanMs: number) => Math.max(1, Math.ceil(meanMs));

export function costPerMillionCheckouts(usage: CheckoutUsage, table: PriceTable = prices): { lines: CostLine[]; standard: number; express: number } {
  const invocations = usage.functions.reduce((sum, fn) => sum + fn.invocations, 0);
  const gbSeconds = usage.functions.reduce((sum, fn) => sum + fn.invocations * (billedMs(fn.meanMs) / 1000) * (fn.memoryMb / 1024), 0);
  const format = (value: number, digits = 1) => value.toFixed(digits);
  const shared: CostLine[] = [
    { item: 'API Gateway HTTP API requests', quantity: `${format(usage.httpRequests)} / checkout`, usd: usage.httpRequests * table.httpApiRequestPerMillion },
    { item: 'Lambda requests (arm64)', quantity: `${format(invocations)} / checkout`, usd: invocations * table.lambdaRequestPerMillion },
    { item: 'Lambda duration (arm64)', quantity: `${format(gbSeconds, 3)} GB-s / checkout`, usd: gbSeconds * million * table.lambdaArmGbSecond },
    { item: 'DynamoDB write request units (on-demand)', quantity: `${format(usage.writeUnits)} / checkout`, usd: usage.writeUnits * table.dynamoWriteUnitPerMillion },
    { item: 'DynamoDB read request units (on-demand)', quantity: `${format(usage.readUnits)} / checkout`, usd: usage.readUnits * table.dynamoReadUnitPerMillion },
    { item: 'EventBridge custom events', quantity: `${format(usage.events)} / checkout`, usd: usage.events * table.eventBridgeCustomEventPerMillion },
    { item: 'SQS requests', quantity: `${format(usage.sqsRequests)} / checkout`, usd: usage.sqsRequests * table.sqsRequestPerMillion },
    { item: 'SES e-mails', quantity: `${format(usage.emails)} / checkout`, usd: usage.emails * table.sesEmailPerThousand * 1000 },
    { item: 'SNS SMS (US numbers, before carrier fees)', quantity: `${format(usage.smsPublishes)} / checkout`, usd: usage.smsPublishes * (table.snsSmsUsEach * million + table.snsPublishPerMillion) },
  ];
  const standardLine: CostLine = {
    item: 'Step Functions Standard state transitions',
    quantity: `${format(usage.stateTransitions)} / checkout`,
    usd: usage.stateTransitions * table.stepFunctionsStandardPerThousandTransitions * 1000,
  };
  const expressLine: CostLine = {
    item: 'Step Functions Express (requests + duration at 64 MB), instead',
    quantity: `1 request, ${format(usage.executionSeconds, 2)} s / checkout`,
    usd: table.stepFunctionsExpressRequestPerMillion + usage.executionSeconds * expressMemoryGb * million * table.stepFunctionsExpressGbSecond,
  };
  const sharedTotal = shared.reduce((sum, line) => sum + line.usd, 0);
  return { lines: [...shared, standardLine, expressLine], standard: sharedTotal + standardLine.usd, express: sharedTotal + expressLine.usd };
}

/** On-demand units from the capacity DynamoDB Local reported: it counts a transaction's items once, AWS bills them twice. */
export function billedUnits(capacity: Readonly<Record<string, number>>): { readUnits: number; writeUnits: number } {
  let readUnits = 0;
  let writeUnits = 0;
  for (const [key, units] of Object.entries(capacity)) {
    const operation = key.split('.').at(-1) ?? '';
    const billed = operation.startsWith('Transact') ? units * 2 : units;
    if (['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems'].includes(operation)) readUnits += billed;
    else writeUnits += billed;
  }
  return { readUnits, writeUnits };
}
