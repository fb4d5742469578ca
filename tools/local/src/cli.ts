import { performance } from 'node:perf_hooks';
import { startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import { workspaceRoot } from '@shoplane/manifest';
import { banner } from './banner.js';
import { parseStartOptions } from './options.js';
import { ensureStorefrontBuilt, storefrontLine } from './storefront-build.js';

async function main(): Promise<void> {
  const options = parseStartOptions(process.argv.slice(2), process.env);
  console.log(`Starting Shoplane locally${options.persist ? ` (persisting data under ${options.dataDirectory ?? '.data/'})` : ''}…`);
  const running: { shop?: LocalShop } = {};
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    // stop() waits for DynamoDB Local's Java process to exit, so nothing is left running.
    void (running.shop?.stop() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  // The storefront builds (when stale) while DynamoDB Local starts.
  const storefront = ensureStorefrontBuilt(workspaceRoot());
  running.shop = await startLocalShop(options);
  const storefrontBuild = await storefront;
  // performance.now() counts from process start, so this includes tsx and module loading.
  console.log(banner(running.shop, performance.now(), storefrontLine(running.shop.url, storefrontBuild)).join('\n'));
}

main().catch((error: unknown) => {
  console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
