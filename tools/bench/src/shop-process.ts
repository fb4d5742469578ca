import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@shoplane/local-cloud';
import type { ShopCounts, WireRequest } from './shop-counts.js';

/** The shop under test, in a process of its own: `npm start`'s entry, in memory, on free ports. */
export interface ShopProcess {
  url: string;
  dynamodbEndpoint: string;
  counts(): Promise<ShopCounts>;
  /** CPU ms DynamoDB Local's JVM has used so far; undefined where /proc cannot tell (not Linux). */
  storeCpuMs(): number | undefined;
  /** The DynamoDB requests `call` makes, as they left the SDK. */
  traceOf(call: () => Promise<unknown>): Promise<WireRequest[]>;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const instrumentation = fileURLToPath(new URL('./shop-instrumentation.ts', import.meta.url));

function waitForBanner(child: ChildProcess, output: () => string): Promise<{ dynamodbEndpoint: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the shop did not start within 90 s:\n${output()}`)), 90_000);
    child.once('exit', (code) => reject(new Error(`the shop exited (code ${code}) before it was ready:\n${output()}`)));
    const check = () => {
      const match = /DynamoDB\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output());
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve({ dynamodbEndpoint: match[1] });
    };
    child.stdout?.on('data', check);
  });
}

/** Linux's /proc: the process whose command line holds `-port <port>` (DynamoDB Local's JVM). */
function processListeningOn(port: string): string | undefined {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .find((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(`-port ${port} `);
        } catch {
          return false;
        }
      });
  } catch {
    return undefined;
  }
}

/** utime + stime of a process, in ms (clock ticks of 10 ms, Linux's USER_HZ). */
function cpuMsOf(pid: string | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}/health did not answer within 30 s`);
}

export async function startShopProcess(environment: Record<string, string> = {}): Promise<ShopProcess> {
  const [port, probePort] = [await freePort(), await freePort()];
  // Exactly what `npm start` runs (tsx on tools/local's entry), plus the counting hooks.
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', instrumentation, 'tools/local/src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...environment, PORT: String(port), SHOPLANE_BENCH_PROBE_PORT: String(probePort), SHOPLANE_PERSIST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(forced);
  };
  try {
    const { dynamodbEndpoint } = await waitForBanner(child, () => log);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url);
    const storePid = processListeningOn(dynamodbEndpoint.split(':').at(-1) ?? '');
    const probe = async <T>(path: string) => (await (await fetch(`http://127.0.0.1:${probePort}${path}`)).json()) as T;
    return {
      url,
      dynamodbEndpoint,
      counts: () => probe<ShopCounts>('/counts'),
      storeCpuMs: () => cpuMsOf(storePid),
      traceOf: async (call) => {
        await probe('/trace/start');
        await call();
        return probe<WireRequest[]>('/trace/stop');
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
