import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);

export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The monorepo's own TypeScript compiler. */
export const tscBinary = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

/** What a new frontend project would start from: strict, ES modules, the DOM. */
export const strictCompilerOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2023', 'DOM'],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: false,
};

/** A fresh folder under the test run's temporary directory, holding `files` (paths relative to it). */
export function projectWith(name: string, files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), `${name}-`));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  return folder;
}

/** Runs tsc in `folder`; resolves to its diagnostics ('' when the project compiles). */
export async function typeErrors(folder: string): Promise<string> {
  try {
    await run(process.execPath, [tscBinary, '-p', join(folder, 'tsconfig.json'), '--pretty', 'false'], { cwd: folder });
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}`.trim() || String(error);
  }
}
