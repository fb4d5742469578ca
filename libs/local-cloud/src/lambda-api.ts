import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readRequestBody, sendRestJsonError } from './aws-wire.js';
import { localAccountId } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';
import type { FunctionRegistry } from './functions.js';
import type { LocalLog } from './log.js';
import { accessDeniedMessage, isAllowed } from './permissions.js';

/** `POST /2015-03-31/functions/{FunctionName}/invocations` — what `LambdaClient.send(new InvokeCommand(...))` calls. */
export const invokePath = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/** Accepts a name, `name:qualifier`, a partial ARN (`123:function:name`) or a full ARN, as Lambda does. */
export function functionNameOf(identifier: string): string {
  const parts = identifier.split(':');
  const marker = parts.indexOf('function');
  if (marker !== -1) return parts[marker + 1] ?? '';
  return parts[0] ?? '';
}

function errorPayload(error: unknown): { errorType: string; errorMessage: string; trace: string[] } {
  if (error instanceof Error) {
    return { errorType: error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n').slice(1).map((line) => line.trim()) };
  }
  return { errorType: 'Error', errorMessage: String(error), trace: [] };
}

export async function handleInvoke(
  request: IncomingMessage,
  response: ServerResponse,
  encodedName: string,
  functions: FunctionRegistry,
  log: LocalLog,
): Promise<void> {
  const name = functionNameOf(decodeURIComponent(encodedName));
  const arn = `arn:aws:lambda:${localRegion}:${localAccountId}:function:${name}`;
  // As IAM does, before anything else: a function may invoke only the internal operations it declared.
  const caller = functions.callerOf(request.headers['x-amzn-trace-id']);
  if (caller && !isAllowed(caller, { action: 'lambda:InvokeFunction', target: functions.get(name) })) {
    await readRequestBody(request);
    return sendRestJsonError(response, 403, 'AccessDeniedException', accessDeniedMessage(caller, 'lambda:InvokeFunction', arn));
  }
  if (!functions.has(name)) {
    return sendRestJsonError(response, 404, 'ResourceNotFoundException', `Function not found: ${arn}`);
  }
  const raw = (await readRequestBody(request)).toString('utf8');
  let event: unknown;
  try {
    event = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    return sendRestJsonError(response, 400, 'InvalidRequestContentException', 'Could not parse request body into json');
  }
  const requestId = randomUUID();
  const invocationType = request.headers['x-amz-invocation-type'] ?? 'RequestResponse';
  if (invocationType === 'DryRun') {
    response.writeHead(204, { 'x-amzn-requestid': requestId });
    return void response.end();
  }
  if (invocationType === 'Event') {
    // Asynchronous invocation: accepted now, run afterwards; failures only reach the log, as in AWS.
    setImmediate(() => {
      functions.invoke(name, event, requestId).catch((error: unknown) => log.error(`${name} failed (asynchronous invoke ${requestId}):`, error));
    });
    response.writeHead(202, { 'x-amzn-requestid': requestId, 'content-length': 0 });
    return void response.end();
  }
  let body: string;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amz-executed-version': '$LATEST' };
  try {
    body = JSON.stringify((await functions.invoke(name, event, requestId)) ?? null);
  } catch (error) {
    log.error(`${name} failed (invoke ${requestId}):`, error);
    headers['x-amz-function-error'] = 'Unhandled';
    body = JSON.stringify(errorPayload(error));
  }
  response.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
