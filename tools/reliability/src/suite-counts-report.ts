/**
 * Global setup of the reliability suite: gives the test workers a folder to add their
 * counts to, and prints their sum when every file has run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countsDirectoryVariable, countsFile, countsLine, sumCounts, type SuiteCounts } from './suite-counts.js';

export default function setup() {
  const directory = mkdtempSync(join(tmpdir(), 'shoplane-reliability-'));
  process.env[countsDirectoryVariable] = directory;
  return () => {
    let lines: Partial<SuiteCounts>[] = [];
    try {
      lines = readFileSync(join(directory, countsFile), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Partial<SuiteCounts>);
    } catch {
      // no test recorded anything (all of them failed before counting)
    }
    console.log(`\n${countsLine(sumCounts(lines))}\n`);
    rmSync(directory, { recursive: true, force: true });
  };
}
