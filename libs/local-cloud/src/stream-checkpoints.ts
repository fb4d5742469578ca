import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StreamPoller, StreamPollerOptions } from './streams.js';

/**
 * Where each table's stream was read up to, kept beside a persisted shop's data, so that
 * after a crash the outbox is published again from there (at least once: consumers are
 * idempotent) instead of from "now", which would lose every change not yet published.
 *
 * A checkpoint is written only at a quiet moment — nothing in flight on the bus and its
 * queues, no execution running — because past that moment nothing of what the streams
 * delivered is still only in this process's memory: each event reached its consumers and
 * each checkout ended. Under steady traffic the checkpoint waits for a lull, and a crash
 * replays everything since the last one.
 */
export type StreamPositions = Record<string, Record<string, string>>;

export function loadStreamPositions(file: string): StreamPositions {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { tables?: StreamPositions };
    return stored.tables ?? {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${file} is not a stream checkpoint (${error instanceof Error ? error.message : String(error)}); delete it to publish from now on.`);
  }
}

export interface StreamCheckpointing {
  /** Writes a checkpoint now if the shop is quiet. */
  saveIfQuiet(): void;
  stop(): void;
}

export function startStreamCheckpoints(options: {
  file: string;
  pollers: readonly { tableName: string; poller: Pick<StreamPoller, 'checkpoint'> }[];
  quiet: () => boolean;
  intervalMs?: number;
}): StreamCheckpointing {
  mkdirSync(dirname(options.file), { recursive: true });
  let written = '';
  const saveIfQuiet = () => {
    if (!options.quiet()) return;
    const tables = Object.fromEntries(options.pollers.map(({ tableName, poller }) => [tableName, poller.checkpoint()]));
    const content = JSON.stringify({ tables }, null, 2);
    if (content === written) return;
    // Written whole, then renamed over the old one: a crash mid-write leaves the previous checkpoint.
    writeFileSync(`${options.file}.tmp`, content);
    renameSync(`${options.file}.tmp`, options.file);
    written = content;
  };
  const timer = setInterval(saveIfQuiet, options.intervalMs ?? 1_000);
  timer.unref();
  return {
    saveIfQuiet,
    stop() {
      clearInterval(timer);
      saveIfQuiet();
    },
  };
}

/** Where a table's stream poller starts: a new table from its start, a persisted one after its checkpoint, or from now without one. */
export function streamStart(tableCreated: boolean, checkpoint: Record<string, string> | undefined): StreamPollerOptions['startAt'] {
  if (tableCreated) return 'TRIM_HORIZON';
  return checkpoint ? { after: checkpoint } : 'LATEST';
}
