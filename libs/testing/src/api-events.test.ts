import { defineOperation } from '@shoplane/contracts';
import { signingKeyId } from '@shoplane/manifest';
import { createSign, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiEvent, invoke, problemTypeOf } from './api-events.js';
import { generateTestKeys } from './tokens.js';

const getThing = defineOperation({
  operationId: 'getThing',
  method: 'get',
  path: '/things/{thingId}',
  auth: 'user',
  tags: ['things'],
  summary: 'test',
  responses: { 200: { description: 'ok' } },
  problems: [],
});

describe('apiEvent', () => {
  it('builds the HTTP API v2 event AWS delivers: route key, encoded path, query, lower-cased headers, bearer token', () => {
    const event = apiEvent(getThing, { pathParameters: { thingId: 'a b/c' }, query: { limit: '5' }, headers: { 'X-Correlation-Id': 'c-1' }, token: 'tkn' });

    expect(event.routeKey).toBe('GET /things/{thingId}');
    expect(event.rawPath).toBe('/things/a%20b%2Fc');
    expect(event.rawQueryString).toBe('limit=5');
    expect(event.headers).toEqual({ authorization: 'Bearer tkn', 'x-correlation-id': 'c-1' });
    expect(event.requestContext.http.method).toBe('GET');
    expect(event.body).toBeUndefined();
  });

  it('serialises a JSON body with its content type, or passes a raw body as given', () => {
    expect(apiEvent(getThing, { body: { a: 1 } })).toMatchObject({ body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(apiEvent(getThing, { rawBody: '{oops' }).body).toBe('{oops');
  });
});

describe('invoke', () => {
  it('parses the handler\'s JSON answer and stringifies its headers', async () => {
    const answer = await invoke(async () => ({ statusCode: 201, headers: { retries: 2 }, body: '{"ok":true}' }), apiEvent(getThing));

    expect(answer).toEqual({ status: 201, headers: { retries: '2' }, body: { ok: true } });
  });
});

describe('problemTypeOf', () => {
  it('reads the slug of a problem+json type, and nothing from a body that is no problem', () => {
    expect(problemTypeOf({ type: 'https://shoplane.dev/problems/cart-full', status: 409 })).toBe('cart-full');
    expect(problemTypeOf({ items: [] })).toBeUndefined();
    expect(problemTypeOf(undefined)).toBeUndefined();
  });
});

describe('generateTestKeys', () => {
  it('makes a fresh ES256 pair whose public key verifies what the private key signs, with the platform\'s key id', async () => {
    const keys = generateTestKeys();
    const signature = createSign('SHA256').update('payload').sign(keys.signing.privateKeyPem);

    expect(createVerify('SHA256').update('payload').verify(keys.public.publicKeyPem, signature)).toBe(true);
    expect(await keys.publicKeys()).toEqual([keys.public]);
    expect(keys.signing.kid).toBe(keys.public.kid);
    expect(keys.signing.kid).toBe(signingKeyId(keys.public.publicKeyPem));
    expect(generateTestKeys().signing.kid).not.toBe(keys.signing.kid);
  });
});
