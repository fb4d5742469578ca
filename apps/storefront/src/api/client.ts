import { createShoplaneClient, type ShoplaneClient } from '@shoplane/api-client';
import { sessionStore } from './session.js';

let client: ShoplaneClient | undefined;

/** Creates the one API client of the page, which sends the session's token with every call. */
export function connectApi(apiUrl: string): void {
  client = createShoplaneClient({ baseUrl: apiUrl, token: () => sessionStore.get()?.token });
}

export function api(): ShoplaneClient {
  if (!client) throw new Error('connectApi() has not run yet');
  return client;
}

/** A fresh key per attempt the person makes, so a retried request is not a second order. */
export function idempotencyKey(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
