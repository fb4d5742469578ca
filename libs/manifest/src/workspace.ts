import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The monorepo root (the folder holding nx.json), found from this file rather
 * than from the working directory: `cdk synth` runs in the app's folder, tests
 * and scripts elsewhere, and all must read the same `apps/` and `dist/`.
 */
export function workspaceRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = start;
  while (!existsSync(join(folder, 'nx.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No nx.json found above ${start}; is this inside the Shoplane workspace?`);
    folder = parent;
  }
  return folder;
}
