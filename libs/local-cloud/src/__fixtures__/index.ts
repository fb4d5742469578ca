import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';

/** A throwaway workspace root: apps/catalog (every kind of declaration), apps/docs/site and openapi/. */
export const fixtureRoot = fileURLToPath(new URL('./shop', import.meta.url));
/** Another root: apps/ledger owns a queue, apps/till sends to it (one route declared, one not). */
export const queueFixtureRoot = fileURLToPath(new URL('./queues', import.meta.url));

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: unknown;
}

/** A raw HTTP request (node:http, not fetch) so tests control repeated headers and exact bytes. */
export function send(url: string, options: { method?: string; headers?: OutgoingHttpHeaders; body?: Buffer | string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? 'GET', headers: options.headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body, text, json });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
