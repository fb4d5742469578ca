import { join } from 'node:path';
import { workspaceRoot } from '@shoplane/manifest';

/** Where `nx build` puts every project's output (`dist/apps/<service>/...`). */
export function defaultAssetsRoot(): string {
  return join(workspaceRoot(), 'dist', 'apps');
}
