import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Wire helpers for the AWS protocols the control plane speaks (awsJson1_1 and Lambda's restJson1). */

export async function readRequestBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sendAwsJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': randomUUID(),
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}

/** An awsJson error: the SDK reads the type from `__type` (or the `x-amzn-errortype` header) and the text from `message`. */
export function sendAwsJsonError(response: ServerResponse, status: number, type: string, message: string): void {
  sendAwsJson(response, status, { __type: type, message }, { 'x-amzn-errortype': type });
}

/** A restJson1 error as Lambda sends it: type in `x-amzn-errortype`, body `{ Type, Message }`. */
export function sendRestJsonError(response: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ Type: 'User', Message: message, message });
  response.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-errortype': type,
    'x-amzn-requestid': randomUUID(),
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** Epoch seconds with fractions: how awsJson protocols carry timestamps. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}
