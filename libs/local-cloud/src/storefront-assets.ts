import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The built storefront (`nx build storefront` → dist/apps/storefront/site) at `/`, beside
 * the API: same origin, so no CORS. Files are read at request time, so a rebuild shows up
 * without a restart. Its pages live in the URL fragment, so only `/`, `/index.html` and
 * `/assets/*` are its own; other unknown page loads get index.html too (never an API path:
 * the gateway asks only after no route matched).
 */
export interface StorefrontAssets {
  /** Answers `/`, `/index.html` and `/assets/*`; false for any other path. */
  serve(path: string, response: ServerResponse): Promise<boolean>;
  /** Answers a browser's page load of a path nothing else serves with the storefront's page. */
  fallback(path: string, accept: string | undefined, response: ServerResponse): Promise<boolean>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Paths that belong to the local runtime itself, never to the storefront's fallback. */
const reserved = ['/docs', '/__local', '/health', '/openapi.json'];

export const storefrontNotBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shoplane storefront not built</title></head>
<body><main><h1>The storefront is not built yet</h1>
<p>Build it with <code>npx nx build storefront</code> (a few seconds) and reload; <code>npm start</code> builds it when it is missing or older than its source.</p>
<p>The API is running: see <a href="/docs/">the API reference</a>.</p></main></body></html>
`;

export function storefrontAssets(siteRoot: string): StorefrontAssets {
  async function sendFile(response: ServerResponse, relative: string): Promise<boolean> {
    const file = normalize(join(siteRoot, relative));
    if (!file.startsWith(siteRoot + sep)) return false;
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (relative !== 'index.html') return false;
      body = Buffer.from(storefrontNotBuiltPage);
    }
    // Vite names assets by content hash, so they can be cached; the page itself is asked for every time.
    const caching = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': caching,
      'x-content-type-options': 'nosniff',
    });
    response.end(body);
    return true;
  }

  return {
    async serve(path, response) {
      if (path === '/' || path === '/index.html') return sendFile(response, 'index.html');
      if (path.startsWith('/assets/')) return sendFile(response, decodeURIComponent(path.slice(1)));
      return false;
    },
    async fallback(path, accept, response) {
      if (!accept?.includes('text/html')) return false;
      if (reserved.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
      return sendFile(response, 'index.html');
    },
  };
}
