import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { sendProblem } from './problem.js';

/** The files behind `/openapi.json` and `/docs/`, read at request time so a regenerated spec shows up without a restart. */
export interface DocsAssets {
  /** Answers the request if the path is one of the docs paths; false otherwise. */
  serve(path: string, response: ServerResponse): Promise<boolean>;
}

function scalarBundlePath(): string {
  return createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
}

async function sendFile(response: ServerResponse, file: string, contentType: string, missing: string): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    sendProblem(response, 404, missing);
    return;
  }
  response.writeHead(200, { 'content-type': contentType, 'content-length': body.length, 'cache-control': 'no-cache' });
  response.end(body);
}

export function docsAssets(root: string): DocsAssets {
  const spec = join(root, 'openapi', 'openapi.json');
  const page = join(root, 'apps', 'docs', 'site', 'index.html');
  const missingSpec = 'openapi/openapi.json does not exist; generate it with `npm run generate`.';
  return {
    async serve(path, response) {
      switch (path) {
        case '/openapi.json':
        case '/docs/openapi.json':
          await sendFile(response, spec, 'application/json', missingSpec);
          return true;
        case '/docs':
          response.writeHead(302, { location: '/docs/', 'content-length': 0 });
          response.end();
          return true;
        case '/docs/':
        case '/docs/index.html':
          await sendFile(response, page, 'text/html; charset=utf-8', 'The API reference page (apps/docs/site/index.html) does not exist yet.');
          return true;
        case '/docs/standalone.js':
          await sendFile(response, scalarBundlePath(), 'text/javascript; charset=utf-8', 'The Scalar bundle is missing; run npm ci.');
          return true;
        default:
          return false;
      }
    },
  };
}
