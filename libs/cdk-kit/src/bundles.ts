import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Code } from 'aws-cdk-lib/aws-lambda';

/**
 * The code of one handler, taken from the service's prebuilt bundles
 * (`<assetsRoot>/<service>/<handler>.mjs`, built by `nx build <service>`).
 *
 * All of a service's bundles sit in one flat folder; the exclude list keeps
 * every file out of the asset except this handler's bundle and source map, so
 * each function ships (and is re-deployed for) only its own code.
 */
export function handlerCode(assetsRoot: string, service: string, handler: string): Code {
  const folder = join(assetsRoot, service);
  const bundle = `${handler}.mjs`;
  if (!existsSync(join(folder, bundle))) {
    throw new Error(
      `Missing Lambda bundle ${join(folder, bundle)}: run \`nx build ${service}\` first.`,
    );
  }
  // Glob excludes are applied in order: exclude everything, then re-include the two files.
  return Code.fromAsset(folder, { exclude: ['*', `!${bundle}`, `!${bundle}.map`] });
}

/** Lambda handler string for a bundle that exports `handler`. */
export function handlerEntryPoint(handler: string): string {
  return `${handler}.handler`;
}
