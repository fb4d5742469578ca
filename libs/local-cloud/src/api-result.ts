/** The HTTP response API Gateway makes of a Lambda's result (payload format 2.0). */
export interface HttpReply {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

export type ResultMapping = { ok: true; reply: HttpReply } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function structuredReply(result: Record<string, unknown>): ResultMapping {
  const { statusCode, headers = {}, cookies = [], body, isBase64Encoded = false } = result;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    return { ok: false, reason: `statusCode must be an integer HTTP status, got ${JSON.stringify(statusCode)}` };
  }
  if (!isRecord(headers)) return { ok: false, reason: 'headers must be an object' };
  if (!Array.isArray(cookies) || !cookies.every((cookie) => typeof cookie === 'string')) {
    return { ok: false, reason: 'cookies must be an array of strings' };
  }
  if (body !== undefined && body !== null && typeof body !== 'string') return { ok: false, reason: 'body must be a string' };
  if (typeof isBase64Encoded !== 'boolean') return { ok: false, reason: 'isBase64Encoded must be a boolean' };
  const replyHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      return { ok: false, reason: `header ${name} must be a string, number or boolean` };
    }
    replyHeaders[name.toLowerCase()] = String(value);
  }
  const text = typeof body === 'string' ? body : '';
  return {
    ok: true,
    reply: {
      statusCode,
      headers: replyHeaders,
      cookies,
      body: isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
    },
  };
}

/**
 * Maps a handler's return value as API Gateway does: a result with `statusCode` is
 * taken field by field; anything else (a string, an object without `statusCode`)
 * becomes a 200 whose body is the value, labelled `application/json`.
 */
export function toHttpReply(result: unknown): ResultMapping {
  if (isRecord(result) && 'statusCode' in result) return structuredReply(result);
  const body = typeof result === 'string' ? result : (JSON.stringify(result) ?? 'null');
  return { ok: true, reply: { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body, 'utf8') } };
}
