import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { registerUser } from '@shoplane/contracts';
import { apiEvent, invoke } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { registrationThrottle } from '../domain/throttle.js';
import { fromAddress, usersTestbed } from '../test-support.js';
import { registerHandler } from './register.js';

let bed: Awaited<ReturnType<typeof usersTestbed>>;
let register: ReturnType<typeof registerHandler>;

beforeAll(async () => {
  bed = await usersTestbed();
  register = registerHandler(bed.accounts);
});

const registration = (email: string) => ({ email, password: 'correct horse battery', name: 'Ada Lovelace' });

describe('POST /users/register', () => {
  it('creates a customer and answers 201 with its id', async () => {
    const response = await invoke(register, apiEvent(registerUser, { body: registration('ada@example.com') }));

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ message: 'Account created.', userId: expect.stringMatching(/^usr_[0-9A-Z]{26}$/) });
    const { userId } = response.body as { userId: string };
    const stored = await bed.users.findById(userId);
    expect(stored).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace', role: 'customer' });
    expect(stored?.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(stored?.passwordHash).not.toContain('correct horse');
  });

  it('writes UserRegistered to the outbox in the same transaction as the account', async () => {
    const response = await invoke(register, apiEvent(registerUser, { body: registration('outbox@example.com'), headers: { 'x-correlation-id': 'corr-outbox-1' } }));
    const { userId } = response.body as { userId: string };

    const { Items = [] } = await bed.table.documents.send(new ScanCommand({ TableName: bed.table.name }));
    const events = Items.filter((item) => String(item['PK']).startsWith('OUTBOX#')).map((item) => item['event']);

    expect(events).toContainEqual({
      eventId: expect.stringMatching(/^evt_/),
      eventType: 'UserRegistered',
      source: 'shoplane.users',
      occurredAt: expect.any(String),
      correlationId: 'corr-outbox-1',
      data: { userId, email: 'outbox@example.com', name: 'Ada Lovelace', role: 'customer' },
    });
  });

  it('trims and lower-cases the email, so the same address in other case is a 409', async () => {
    await invoke(register, apiEvent(registerUser, { body: registration('  Grace@Example.COM ') }));

    const again = await invoke(register, apiEvent(registerUser, { body: registration('grace@example.com') }));

    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toBe('application/problem+json');
    expect(again.body).toMatchObject({ status: 409, title: 'Conflict', type: expect.stringContaining('email-already-registered') });
  });

  it('lets exactly one of 20 concurrent registrations of one email succeed; the others get 409', async () => {
    // From 20 clients: one client would meet its registration throttle first.
    const attempts = Array.from({ length: 20 }, (_, i) =>
      invoke(register, fromAddress(apiEvent(registerUser, { body: registration('race@example.com') }), `198.51.100.${i + 1}`)),
    );

    const statuses = (await Promise.all(attempts)).map((response) => response.status);

    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const claims = await bed.table.documents.send(
      new QueryCommand({ TableName: bed.table.name, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'EMAIL#race@example.com' } }),
    );
    expect(claims.Items).toHaveLength(1);
  });

  it('answers 422 naming every invalid field', async () => {
    const response = await invoke(register, apiEvent(registerUser, { body: { email: 'not-an-email', password: 'short', name: '' } }));

    expect(response.status).toBe(422);
    const paths = (response.body as { errors: { path: string }[] }).errors.map((error) => error.path);
    expect(paths.sort()).toEqual(['email', 'name', 'password']);
  });

  it('answers 422 naming a field it does not know, such as a role, and creates no account', async () => {
    const response = await invoke(register, apiEvent(registerUser, { body: { ...registration('role@example.com'), role: 'admin' } }));

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'role', message: 'is not a known field' }] });
    const claims = await bed.table.documents.send(
      new QueryCommand({ TableName: bed.table.name, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'EMAIL#role@example.com' } }),
    );
    expect(claims.Items).toEqual([]);
  });

  it('answers 422 "is required" for missing fields and for an empty body', async () => {
    const response = await invoke(register, apiEvent(registerUser, {}));

    expect(response.status).toBe(422);
    expect((response.body as { errors: unknown[] }).errors).toEqual([
      { path: '(body)', message: expect.any(String) },
    ]);
    const partial = await invoke(register, apiEvent(registerUser, { body: { email: 'x@example.com' } }));
    expect((partial.body as { errors: unknown[] }).errors).toEqual([
      { path: 'password', message: 'is required' },
      { path: 'name', message: 'is required' },
    ]);
  });

  it('rejects a password over 72 bytes instead of truncating it, counting bytes not characters', async () => {
    // 25 three-byte characters: 25 characters but 75 bytes.
    const response = await invoke(register, apiEvent(registerUser, { body: { ...registration('long@example.com'), password: '€'.repeat(25) } }));

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'password', message: 'must be at most 72 bytes in UTF-8' }] });
    expect(await bed.users.findByEmail('long@example.com')).toBeUndefined();
  });

  it('accepts a password of exactly 72 bytes', async () => {
    const response = await invoke(register, apiEvent(registerUser, { body: { ...registration('edge@example.com'), password: 'p'.repeat(72) } }));

    expect(response.status).toBe(201);
  });

  it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    const malformed = await invoke(register, apiEvent(registerUser, { rawBody: '{"email":' }));
    const form = await invoke(register, apiEvent(registerUser, { rawBody: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));

    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ type: expect.stringContaining('malformed-json') });
    expect(form.status).toBe(415);
  });

  it('echoes the caller\'s correlation id in the answer and in problems', async () => {
    const response = await invoke(register, apiEvent(registerUser, { body: {}, headers: { 'x-correlation-id': 'trace-42' } }));

    expect(response.headers['x-correlation-id']).toBe('trace-42');
    expect(response.body).toMatchObject({ correlationId: 'trace-42' });
  });

  it('answers 429 with Retry-After to the 11th registration within an hour from one client, before hashing a password', async () => {
    const from = (email: string, sourceIp: string) => invoke(register, fromAddress(apiEvent(registerUser, { body: registration(email) }), sourceIp));
    const statuses: number[] = [];
    for (let i = 0; i < registrationThrottle.limit; i++) statuses.push((await from(`bulk-${i}@example.com`, '203.0.113.50')).status);
    const hashes = bed.hasher.hashes;

    const throttled = await from('bulk-next@example.com', '203.0.113.50');

    expect(statuses).toEqual(Array.from({ length: registrationThrottle.limit }, () => 201));
    expect(throttled.status).toBe(429);
    expect(throttled.headers['content-type']).toBe('application/problem+json');
    expect(throttled.headers['retry-after']).toBe(String(registrationThrottle.windowMs / 1000));
    expect(throttled.body).toMatchObject({ status: 429, type: expect.stringContaining('too-many-attempts') });
    expect(bed.hasher.hashes).toBe(hashes);
    expect(await bed.users.findByEmail('bulk-next@example.com')).toBeUndefined();
    expect((await from('bulk-next@example.com', '203.0.113.51')).status).toBe(201);
  });

  it('lets a client register again once the hour has passed', async () => {
    const from = (email: string) => invoke(register, fromAddress(apiEvent(registerUser, { body: registration(email) }), '203.0.113.52'));
    for (let i = 0; i < registrationThrottle.limit; i++) await from(`hourly-${i}@example.com`);
    expect((await from('hourly-late@example.com')).status).toBe(429);

    bed.clock.advance(registrationThrottle.windowMs);

    expect((await from('hourly-late@example.com')).status).toBe(201);
  });
});
