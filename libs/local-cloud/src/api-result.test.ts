import { describe, expect, it } from 'vitest';
import { toHttpReply } from './api-result.js';

describe('the HTTP reply API Gateway makes of a result', () => {
  it('serializes an object without statusCode as a 200 JSON body', () => {
    // Act
    const mapped = toHttpReply({ items: [1] });

    // Assess
    expect(mapped).toEqual({ ok: true, reply: { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from('{"items":[1]}') } });
  });

  it('lower-cases header names and stringifies numbers and booleans', () => {
    // Act
    const mapped = toHttpReply({ statusCode: 204, headers: { 'X-Count': 3, 'X-Flag': true } });

    // Assess
    expect(mapped).toMatchObject({ ok: true, reply: { statusCode: 204, headers: { 'x-count': '3', 'x-flag': 'true' } } });
  });

  it('rejects a status code that is not an HTTP status', () => {
    // Act
    const mapped = toHttpReply({ statusCode: '200', body: 'x' });

    // Assess
    expect(mapped).toEqual({ ok: false, reason: 'statusCode must be an integer HTTP status, got "200"' });
  });

  it('rejects a body that is not a string', () => {
    // Act
    const mapped = toHttpReply({ statusCode: 200, body: { not: 'serialized' } });

    // Assess
    expect(mapped).toEqual({ ok: false, reason: 'body must be a string' });
  });
});
