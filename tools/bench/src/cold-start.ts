import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { bundleFacts, type BundleFacts, type Metafile } from './bundles.js';
import { median, ratio } from './stats.js';

const run = promisify(execFile);

export interface ColdStart extends BundleFacts {
  /** Fresh-process imports the median rests on. */
  samples: number;
  /** Median ms to import the bundle in a fresh Node process. */
  importMs: number;
  /** Median ms to import only the SDK packages it uses, in a fresh process: the least such a handler can cost. */
  sdkImportMs: number;
  ratio: number;
}

/** Every built handler bundle under dist/apps, with its metafile facts. */
export function builtBundles(root: string): BundleFacts[] {
  const dist = join(root, 'dist', 'apps');
  if (!existsSync(dist)) return [];
  return readdirSync(dist)
    .filter((service) => existsSync(join(dist, service, 'meta.json')))
    .flatMap((service) => bundleFacts(service, JSON.parse(readFileSync(join(dist, service, 'meta.json'), 'utf8')) as Metafile));
}

/** Milliseconds a fresh Node process takes to import these modules (Node's own start-up excluded: both sides pay it). */
async function importTime(root: string, specifiers: string[]): Promise<number> {
  const script = `const t = performance.now(); for (const s of ${JSON.stringify(specifiers)}) await import(s); process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_EC2_METADATA_DISABLED: 'true' },
  });
  return Number(stdout);
}

/**
 * Imports each bundle, and the SDK packages it uses, `samples` times, each in a fresh
 * process. Rounds interleave every bundle and every SDK set, `parallel` processes at a
 * time, so machine noise falls on both sides of each ratio alike; no new import starts
 * after `deadline` (epoch ms).
 */
export async function measureColdStarts(root: string, bundles: BundleFacts[], samples: number, parallel: number, deadline = Number.POSITIVE_INFINITY): Promise<ColdStart[]> {
  const sdkSets = new Map(bundles.map((bundle) => [bundle.sdkPackages.join(' '), bundle.sdkPackages]));
  const jobs = [
    ...bundles.map((bundle) => ({ key: `bundle:${bundle.name}`, specifiers: [pathToFileURL(join(root, bundle.file)).href] })),
    ...[...sdkSets].map(([key, packages]) => ({ key: `sdk:${key}`, specifiers: packages })),
  ];
  const times = new Map<string, number[]>(jobs.map((job) => [job.key, []]));
  const queue = Array.from({ length: samples }, () => jobs).flat();
  let next = 0;
  const worker = async () => {
    // Past the deadline the bench stops after the current imports: each median then rests on the rounds done so far.
    while (next < queue.length && Date.now() < deadline) {
      const job = queue[next++];
      if (!job) break;
      times.get(job.key)?.push(job.specifiers.length === 0 ? 0 : await importTime(root, job.specifiers));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return bundles.map((bundle) => {
    const bundleTimes = times.get(`bundle:${bundle.name}`) ?? [];
    const importMs = median(bundleTimes);
    const sdkImportMs = median(times.get(`sdk:${bundle.sdkPackages.join(' ')}`) ?? []);
    return { ...bundle, samples: bundleTimes.length, importMs, sdkImportMs, ratio: ratio(importMs, sdkImportMs) };
  });
}
