import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamApiRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { failedItems } from './batch-response.js';
import { localCredentials, localRegion } from './dynamodb-local.js';
import type { LocalLog } from './log.js';
import { toLambdaRecord } from './stream-records.js';

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  functionName: string;
  /** TRIM_HORIZON for a table created just now; LATEST for a persisted one, so old changes are not replayed. */
  startAt: 'TRIM_HORIZON' | 'LATEST';
  invoke(functionName: string, event: DynamoDBStreamEvent): Promise<unknown>;
  log: LocalLog;
  /** Attempts per batch before its remaining records are set aside (as an on-failure destination would). */
  maxAttempts?: number;
  /** Pause between polls when the stream has nothing new (Lambda polls about four times a second). */
  idleDelayMs?: number;
}

export interface StreamDeadLetter {
  functionName: string;
  tableName: string;
  reason: string;
  failedAt: string;
  records: DynamoDBRecord[];
}

export interface StreamPoller {
  readonly deadLetters: StreamDeadLetter[];
  stop(): Promise<void>;
}

const shardRefreshMs = 5_000;

/** Polls a table's stream and hands its changes to the consumer as Lambda's event source mapping does. */
export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const config = { endpoint: options.endpoint, region: localRegion, credentials: localCredentials };
  const tables = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const maxAttempts = options.maxAttempts ?? 3;
  const idleDelayMs = options.idleDelayMs ?? 250;
  const deadLetters: StreamDeadLetter[] = [];
  const description = await tables.send(new DescribeTableCommand({ TableName: options.tableName }));
  tables.destroy();
  const streamArn = description.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream; declare \`table.stream\` in its manifest.`);

  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  /** Open iterators by shard id; null once a shard is closed and fully read. */
  const shards = new Map<string, string | null>();
  let lastRefresh = 0;

  async function refreshShards(): Promise<void> {
    const initial = shards.size === 0;
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || shards.has(shard.ShardId)) continue;
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: initial ? options.startAt : 'TRIM_HORIZON' }),
      );
      shards.set(shard.ShardId, ShardIterator ?? null);
    }
    lastRefresh = Date.now();
  }

  async function deliver(records: StreamApiRecord[]): Promise<void> {
    let pending = records.map((record) => toLambdaRecord(record, streamArn ?? ''));
    for (let attempt = 1; pending.length > 0 && !stopped; attempt += 1) {
      let firstFailure: number;
      let reason = 'reported in batchItemFailures';
      try {
        const result = await options.invoke(options.functionName, { Records: pending });
        const failed = failedItems(result, pending.map((record) => record.dynamodb?.SequenceNumber ?? ''));
        firstFailure = pending.findIndex((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
      } catch (error) {
        reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        options.log.error(`${options.functionName} failed on ${pending.length} stream record(s):`, error);
        firstFailure = 0;
      }
      if (firstFailure === -1) return;
      // Like Lambda, resume from the first failed record: everything before it counts as processed.
      pending = pending.slice(firstFailure);
      if (attempt >= maxAttempts) {
        deadLetters.push({ functionName: options.functionName, tableName: options.tableName, reason, failedAt: new Date().toISOString(), records: pending });
        options.log.error(`${options.functionName}: ${pending.length} stream record(s) set aside after ${attempt} attempts`);
        return;
      }
      await pause(100 * attempt);
    }
  }

  async function pollOnce(): Promise<boolean> {
    if (Date.now() - lastRefresh > shardRefreshMs || ![...shards.values()].some(Boolean)) await refreshShards();
    let received = false;
    for (const [shardId, iterator] of shards) {
      if (!iterator || stopped) continue;
      const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      shards.set(shardId, NextShardIterator ?? null);
      if (Records.length > 0) {
        received = true;
        await deliver(Records);
      }
    }
    return received;
  }

  await refreshShards();
  const loop = (async () => {
    while (!stopped) {
      try {
        if (!(await pollOnce())) await pause(idleDelayMs);
      } catch (error) {
        if (stopped) break;
        options.log.error(`Polling the stream of ${options.tableName} failed; retrying:`, error);
        await pause(1_000);
      }
    }
  })();

  return {
    deadLetters,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      streams.destroy();
    },
  };
}
