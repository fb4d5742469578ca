import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

/**
 * Vite 7 does not read tsconfig `paths`, and node_modules holds no `@shoplane/*` links,
 * so workspace packages (imported here and by the fixture services) resolve through
 * the same aliases tsconfig.base.json declares.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const { compilerOptions } = JSON.parse(readFileSync(`${root}tsconfig.base.json`, 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const alias = Object.entries(compilerOptions.paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`),
  replacement: `${root}${target}`,
}));

export default mergeConfig(sharedTestConfig, { resolve: { alias } });
