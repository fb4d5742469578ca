/** What a handler bundle is made of, from esbuild's metafile. No I/O. */

export interface MetafileOutput {
  bytes: number;
  inputs: Record<string, { bytesInOutput: number }>;
  imports?: { path: string; external?: boolean }[];
}

export interface Metafile {
  outputs: Record<string, MetafileOutput>;
}

export interface BundleFacts {
  /** `<service>/<handler>`. */
  name: string;
  /** Path of the bundle as the metafile names it (relative to the workspace). */
  file: string;
  bytes: number;
  /** The AWS SDK packages it imports at run time (external: the Lambda runtime has them). */
  sdkPackages: string[];
  /** Its biggest contributors by package (or workspace project), largest first. */
  contributors: { name: string; bytes: number }[];
}

/** `zod`, `@aws-lambda-powertools/logger`, `libs/lambda-kit`, `apps/orders`. */
export function contributorOf(inputPath: string): string {
  const modules = inputPath.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = inputPath.slice(modules + 'node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name ?? ''}` : (scope ?? inputPath);
  }
  const [top, project] = inputPath.split('/');
  return project ? `${top}/${project}` : inputPath;
}

export function bundleFacts(service: string, metafile: Metafile): BundleFacts[] {
  return Object.entries(metafile.outputs)
    .filter(([file]) => file.endsWith('.mjs'))
    .map(([file, output]) => {
      const byContributor = new Map<string, number>();
      for (const [path, input] of Object.entries(output.inputs)) {
        const name = contributorOf(path);
        byContributor.set(name, (byContributor.get(name) ?? 0) + input.bytesInOutput);
      }
      const sdkPackages = [...new Set((output.imports ?? []).filter((entry) => entry.external && entry.path.startsWith('@aws-sdk/')).map((entry) => entry.path))].sort();
      const handler = (file.split('/').at(-1) ?? file).replace(/\.mjs$/, '');
      return {
        name: `${service}/${handler}`,
        file,
        bytes: output.bytes,
        sdkPackages,
        contributors: [...byContributor].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
