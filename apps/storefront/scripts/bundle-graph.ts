/** The parts of Vite's `.vite/manifest.json` the size report reads. */
export interface ViteManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type ViteManifest = Record<string, ViteManifestChunk>;

/**
 * The JavaScript files a shopper's first page load fetches (entries and their static
 * imports, transitively) and the ones only a dynamic import brings in (the admin area).
 */
export function shopperBundle(manifest: ViteManifest): { shopper: string[]; lazy: string[] } {
  const shopper = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || shopper.has(chunk.file)) return;
    shopper.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .forEach(([key]) => visit(key));
  const lazy = Object.values(manifest)
    .map((chunk) => chunk.file)
    .filter((file) => file.endsWith('.js') && !shopper.has(file));
  return { shopper: [...shopper].filter((file) => file.endsWith('.js')), lazy: [...new Set(lazy)] };
}
