import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadStreamPositions, startStreamCheckpoints, streamStart } from './stream-checkpoints.js';

const folders: string[] = [];
const fileIn = () => {
  const folder = mkdtempSync(join(tmpdir(), 'stream-checkpoints-'));
  folders.push(folder);
  return join(folder, 'data', 'stream-positions.json');
};

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('stream checkpoints of a persisted shop', () => {
  it('are written only at a quiet moment, and read back', () => {
    // Prepare
    const file = fileIn();
    let quiet = false;
    const checkpointing = startStreamCheckpoints({ file, pollers: [{ tableName: 'orders', poller: { checkpoint: () => ({ 'shard-1': '42' }) } }], quiet: () => quiet, intervalMs: 60_000 });

    // Act
    checkpointing.saveIfQuiet();
    const whileBusy = loadStreamPositions(file);
    quiet = true;
    checkpointing.stop();

    // Assess
    expect(whileBusy).toEqual({});
    expect(loadStreamPositions(file)).toEqual({ orders: { 'shard-1': '42' } });
  });

  it('refuse a file that is not a checkpoint with what to do', () => {
    // Prepare
    const file = fileIn();
    startStreamCheckpoints({ file, pollers: [], quiet: () => false }).stop();
    writeFileSync(file, 'not json');

    // Act + Assess
    expect(() => loadStreamPositions(file)).toThrow('delete it to publish from now on');
    expect(readFileSync(file, 'utf8')).toBe('not json');
  });

  it('start a new table from its beginning, a persisted one after its checkpoint, and one without a checkpoint from now', () => {
    // Act + Assess
    expect(streamStart(true, { 'shard-1': '9' })).toBe('TRIM_HORIZON');
    expect(streamStart(false, { 'shard-1': '9' })).toEqual({ after: { 'shard-1': '9' } });
    expect(streamStart(false, undefined)).toBe('LATEST');
  });
});
