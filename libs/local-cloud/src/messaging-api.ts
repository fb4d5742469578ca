import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalOutbox } from './outbox.js';
import { handleSendEmail, sendEmailPath } from './ses-api.js';
import { handleQueryRequest, isQueryRequest } from './sns-api.js';

/**
 * The messaging slice of the control plane: SES v2 SendEmail and SNS Publish,
 * both landing in the local outbox. True when the request was one of these (and
 * has been answered); false leaves it to the rest of the control plane.
 */
export async function serveMessaging(request: IncomingMessage, response: ServerResponse, path: string, outbox: LocalOutbox): Promise<boolean> {
  if (request.method !== 'POST') return false;
  if (path === sendEmailPath) {
    await handleSendEmail(request, response, outbox);
    return true;
  }
  if (path === '/' && isQueryRequest(request)) {
    await handleQueryRequest(request, response, outbox);
    return true;
  }
  return false;
}
