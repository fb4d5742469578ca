import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type ShardIteratorType,
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
  /**
   * TRIM_HORIZON for a table created just now; LATEST for a persisted one without a
   * checkpoint, so old changes are not replayed; after a checkpoint's positions (shard →
   * last sequence number delivered) for a persisted one that has one: each shard resumes
   * after its position, a shard the checkpoint does not know from its start.
   */
  startAt: 'TRIM_HORIZON' | 'LATEST' | { after: Readonly<Record<string, string>> };
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
  /** Per shard, the last sequence number whose batch the consumer has finished with (delivered or set aside). */
  checkpoint(): Record<string, string>;
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
  /**
   * Read position per shard: the open iterator (null once the shard is closed and read) and
   * the last sequence number handed to the consumer, from which a lost iterator is rebuilt.
   */
  const shards = new Map<string, { iterator: string | null; lastSequence?: string; delivered?: string }>();
  const resumeAfter = typeof options.startAt === 'object' ? options.startAt.after : undefined;
  const startsLatest = options.startAt === 'LATEST';
  const startedAt = Math.floor(Date.now() / 1000);
  let lastRefresh = 0;

  async function iteratorFor(shardId: string, type: ShardIteratorType, sequence?: string): Promise<string | null> {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequence }),
    );
    return ShardIterator ?? null;
  }

  async function refreshShards(): Promise<void> {
    const initial = shards.size === 0;
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || shards.has(shard.ShardId)) continue;
      const resumed = initial ? resumeAfter?.[shard.ShardId] : undefined;
      if (resumed) {
        shards.set(shard.ShardId, { iterator: await iteratorFor(shard.ShardId, 'AFTER_SEQUENCE_NUMBER', resumed), lastSequence: resumed, delivered: resumed });
        continue;
      }
      shards.set(shard.ShardId, { iterator: await iteratorFor(shard.ShardId, initial && startsLatest ? 'LATEST' : 'TRIM_HORIZON') });
    }
    lastRefresh = Date.now();
  }

  /**
   * DynamoDB Local numbers stream records across all tables, and once another table's
   * records fall inside an iterator's range it answers TrimmedDataAccessException for good.
   * Rebuild the iterator after the last record delivered (or from the start of the shard,
   * skipping what predates a LATEST start), so no change is lost or repeated.
   */
  async function readShard(shardId: string, position: { iterator: string | null; lastSequence?: string }): Promise<StreamApiRecord[]> {
    if (!position.iterator) return [];
    let response;
    try {
      response = await streams.send(new GetRecordsCommand({ ShardIterator: position.iterator, Limit: 100 }));
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException || error instanceof ExpiredIteratorException)) throw error;
      position.iterator = position.lastSequence
        ? await iteratorFor(shardId, 'AFTER_SEQUENCE_NUMBER', position.lastSequence)
        : await iteratorFor(shardId, 'TRIM_HORIZON');
      if (!position.iterator) return [];
      response = await streams.send(new GetRecordsCommand({ ShardIterator: position.iterator, Limit: 100 }));
      if (!position.lastSequence && startsLatest) {
        const created = (record: StreamApiRecord) => (record.dynamodb?.ApproximateCreationDateTime?.getTime() ?? 0) / 1000;
        response.Records = (response.Records ?? []).filter((record) => created(record) >= startedAt);
      }
    }
    position.iterator = response.NextShardIterator ?? null;
    const records = response.Records ?? [];
    position.lastSequence = records.at(-1)?.dynamodb?.SequenceNumber ?? position.lastSequence;
    return records;
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
    if (Date.now() - lastRefresh > shardRefreshMs || ![...shards.values()].some((position) => position.iterator)) await refreshShards();
    let received = false;
    for (const [shardId, position] of shards) {
      if (stopped) break;
      const records = await readShard(shardId, position);
      if (records.length > 0) {
        received = true;
        await deliver(records);
        position.delivered = records.at(-1)?.dynamodb?.SequenceNumber ?? position.delivered;
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
    checkpoint: () => Object.fromEntries([...shards].flatMap(([shardId, position]) => (position.delivered ? [[shardId, position.delivered]] : []))),
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      streams.destroy();
    },
  };
}
