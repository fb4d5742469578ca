/** What the bench counts inside the shop's process, and the arithmetic on those counts. */

/** One AWS request as it left the SDK: enough to name it and, for DynamoDB, to replay it. */
export interface WireRequest {
  /** `X-Amz-Target` of JSON protocols, e.g. `DynamoDB_20120810.GetItem`. */
  target?: string;
  body?: string;
  clientName?: string;
  commandName?: string;
}

export interface ShopCounts {
  /** Requests by `<service>.<operation>`, e.g. `DynamoDB.GetItem`, `Lambda.Invoke`. */
  requests: Record<string, number>;
  /** Capacity units DynamoDB reported, by `DynamoDB.<operation>`. */
  capacity: Record<string, number>;
  /** Entries sent in batch-shaped requests (PutEvents), by `<service>.<operation>`. */
  entries: Record<string, number>;
  /** Function invocations by physical name, with their summed duration and the SQS messages they were handed. */
  invocations: Record<string, Invocations>;
  /** CPU time (user + system) the shop's process used, in ms: its one event loop runs every function. */
  cpuMs: number;
}

export interface Invocations {
  count: number;
  totalMs: number;
  sqsMessages: number;
}

export const emptyCounts = (): ShopCounts => ({ requests: {}, capacity: {}, entries: {}, invocations: {}, cpuMs: 0 });

const stripSuffix = (name: string | undefined, suffix: string) => (name?.endsWith(suffix) ? name.slice(0, -suffix.length) : (name ?? 'unknown'));

/** `DynamoDB.GetItem`, `DynamoDBStreams.GetRecords`, `EventBridge.PutEvents`, `Lambda.Invoke`, ... */
export function operationKey(wire: WireRequest): string {
  const targetOperation = wire.target?.split('.').at(-1);
  if (wire.target?.startsWith('DynamoDBStreams_')) return `DynamoDBStreams.${targetOperation}`;
  if (wire.target?.startsWith('DynamoDB_')) return `DynamoDB.${targetOperation}`;
  const service = stripSuffix(wire.clientName, 'Client');
  return `${service}.${targetOperation ?? stripSuffix(wire.commandName, 'Command')}`;
}

interface Consumed {
  CapacityUnits?: number;
}

function capacityOf(output: unknown): number {
  if (typeof output !== 'object' || output === null || !('ConsumedCapacity' in output)) return 0;
  const consumed = (output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
  const all = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return all.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
}

function entriesOf(body: string | undefined): number {
  if (!body?.startsWith('{')) return 0;
  try {
    const parsed = JSON.parse(body) as { Entries?: unknown[] };
    return Array.isArray(parsed.Entries) ? parsed.Entries.length : 0;
  } catch {
    return 0;
  }
}

const add = (record: Record<string, number>, key: string, amount: number) => {
  record[key] = (record[key] ?? 0) + amount;
};

export function recordRequest(counts: ShopCounts, wire: WireRequest, output: unknown): void {
  const key = operationKey(wire);
  add(counts.requests, key, 1);
  const capacity = capacityOf(output);
  if (capacity > 0) add(counts.capacity, key, capacity);
  const entries = entriesOf(wire.body);
  if (entries > 0) add(counts.entries, key, entries);
}

/** How many SQS messages an invocation's event carries (subscriptions reach their functions through a queue). */
export function sqsMessagesIn(event: unknown): number {
  if (typeof event !== 'object' || event === null || !('Records' in event) || !Array.isArray(event.Records)) return 0;
  return (event.Records as { eventSource?: unknown }[]).filter((record) => record.eventSource === 'aws:sqs').length;
}

export function recordInvocation(counts: ShopCounts, functionName: string, durationMs: number, sqsMessages = 0): void {
  const current = counts.invocations[functionName] ?? { count: 0, totalMs: 0, sqsMessages: 0 };
  counts.invocations[functionName] = { count: current.count + 1, totalMs: current.totalMs + durationMs, sqsMessages: current.sqsMessages + sqsMessages };
}

function subtract(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const difference: Record<string, number> = {};
  for (const [key, value] of Object.entries(after)) {
    const delta = value - (before[key] ?? 0);
    if (delta !== 0) difference[key] = delta;
  }
  return difference;
}

/** What happened between two snapshots of the counts. */
export function countsBetween(before: ShopCounts, after: ShopCounts): ShopCounts {
  const invocations: ShopCounts['invocations'] = {};
  for (const [name, value] of Object.entries(after.invocations)) {
    const earlier = before.invocations[name] ?? { count: 0, totalMs: 0, sqsMessages: 0 };
    if (value.count > earlier.count) invocations[name] = { count: value.count - earlier.count, totalMs: value.totalMs - earlier.totalMs, sqsMessages: value.sqsMessages - earlier.sqsMessages };
  }
  return {
    requests: subtract(after.requests, before.requests),
    capacity: subtract(after.capacity, before.capacity),
    entries: subtract(after.entries, before.entries),
    invocations,
    cpuMs: after.cpuMs - before.cpuMs,
  };
}

/** Counts per unit of work (per request, per checkout). Stream polling is excluded: Lambda's stream triggers do not bill it. */
export function perUnit(counts: ShopCounts, units: number): ShopCounts {
  const divide = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('DynamoDBStreams.')).map(([key, value]) => [key, value / units]));
  return {
    requests: divide(counts.requests),
    capacity: divide(counts.capacity),
    entries: divide(counts.entries),
    invocations: Object.fromEntries(Object.entries(counts.invocations).map(([name, value]) => [name, { count: value.count / units, totalMs: value.totalMs / units, sqsMessages: value.sqsMessages / units }])),
    cpuMs: counts.cpuMs / units,
  };
}

const writeOperations = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** DynamoDB requests of one kind: `read` or `write`. */
export function storageRequests(counts: ShopCounts, kind: 'read' | 'write'): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts.requests).filter(([key]) => key.startsWith('DynamoDB.') && writeOperations.has(key.slice('DynamoDB.'.length)) === (kind === 'write')),
  );
}

export const sumOf = (record: Record<string, number>) => Object.values(record).reduce((sum, value) => sum + value, 0);
