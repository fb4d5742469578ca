/**
 * Vitest global setup shared by every project: tests (and the CDK apps they
 * synthesize) create temporary folders; they go to one folder per run, removed at
 * the end, so test runs leave nothing behind in the machine's temp directory.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  const parent = join(tmpdir(), 'shoplane-tests');
  mkdirSync(parent, { recursive: true });
  const folder = mkdtempSync(join(parent, 'run-'));
  const previous = process.env['TMPDIR'];
  // Test workers start after global setup and inherit this environment.
  process.env['TMPDIR'] = folder;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(folder, { recursive: true, force: true });
  };
}
