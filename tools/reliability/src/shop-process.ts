import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@shoplane/local-cloud';

/**
 * `npm start` as a child process, in its own process group (with DynamoDB Local's Java
 * under it), so a test can stop it as Ctrl+C does or kill all of it at once as a crash does.
 */
export interface ShopProcess {
  url: string;
  /** DynamoDB Local's endpoint, as the banner prints it. */
  dynamoEndpoint: string;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGKILL to the whole group: the runtime and DynamoDB Local die at once, mid-work. */
  kill(): Promise<void>;
  /** SIGINT, as Ctrl+C: the shop stops cleanly. */
  stop(): Promise<void>;
}

const workspace = fileURLToPath(new URL('../../../', import.meta.url));

export interface ShopProcessOptions {
  port?: number;
  /** Persist under this folder (`--persist` with `SHOPLANE_DATA_DIR`); in memory when omitted. */
  dataDirectory?: string;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startShopProcess(options: ShopProcessOptions = {}): Promise<ShopProcess> {
  const port = options.port ?? (await freePort());
  const args = ['--tsconfig', 'tsconfig.base.json', 'tools/local/src/main.ts', ...(options.dataDirectory ? ['--persist'] : [])];
  const child = spawn(`${workspace}node_modules/.bin/tsx`, args, {
    cwd: workspace,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      ...(options.dataDirectory ? { SHOPLANE_DATA_DIR: options.dataDirectory } : {}),
      ...options.env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const group = child.pid ?? 0;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-group, signal);
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (!output.includes('Ctrl+C stops everything.')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      signalGroup('SIGKILL');
      throw new Error(`npm start did not come up:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const dynamoEndpoint = /DynamoDB\s+(http:\/\/\S+)/.exec(output)?.[1] ?? '';
  return {
    url: `http://127.0.0.1:${port}`,
    dynamoEndpoint,
    output: () => output,
    async kill() {
      signalGroup('SIGKILL');
      await exited(child);
      // DynamoDB Local's Java is in the group too; give the kernel a moment to reap it and free the data files.
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
    async stop() {
      signalGroup('SIGINT');
      const stopped = await Promise.race([exited(child).then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000))]);
      if (!stopped) signalGroup('SIGKILL');
      await exited(child);
    },
  };
}
