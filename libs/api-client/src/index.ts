import createClient, { type ClientOptions, type Middleware } from 'openapi-fetch';
import type { ExactBodyClient } from './exact-bodies.js';
import type { components, operations, paths } from './generated/schema.js';

export type { components, operations, paths };
export type Problem = components['schemas']['Problem'];
export type ShoplaneClient = ExactBodyClient;

export interface ShoplaneClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** API base URL, e.g. `http://localhost:3000` or the deployed HTTP API's URL. */
  baseUrl: string;
  /** Returns the current bearer token, if any; asked before every request. */
  token?: () => string | undefined;
}

/**
 * A typed client for the Shoplane API: paths, bodies, and responses (success and
 * problem+json) are checked against the OpenAPI contract at compile time; a body
 * field the contract does not declare is a compile error, as it is a 422 at run time.
 */
export function createShoplaneClient({ token, ...options }: ShoplaneClientOptions): ShoplaneClient {
  const client = createClient<paths>(options);
  if (token) {
    const bearer: Middleware = {
      onRequest({ request }) {
        const current = token();
        if (current) request.headers.set('Authorization', `Bearer ${current}`);
        return request;
      },
    };
    client.use(bearer);
  }
  return client;
}
