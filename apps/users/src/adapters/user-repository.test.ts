import { beforeAll, describe, expect, it } from 'vitest';
import { newCustomer } from '../domain/user.js';
import { usersTestbed } from '../test-support.js';

let bed: Awaited<ReturnType<typeof usersTestbed>>;

beforeAll(async () => {
  bed = await usersTestbed();
});

const customer = (userId: string, email: string) =>
  newCustomer({ userId, email, name: 'Promoted', passwordHash: '$2b$04$hash', now: new Date('2026-11-25T10:00:00Z') });

describe('DynamoDB user repository', () => {
  it('finds a user by email and by id', async () => {
    await bed.users.create(customer('usr_01JD8Z4M6Q5J3K2N1P0R9S8T70', 'find@example.com'), []);

    expect(await bed.users.findByEmail('find@example.com')).toMatchObject({ userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T70' });
    expect(await bed.users.findById('usr_01JD8Z4M6Q5J3K2N1P0R9S8T70')).toMatchObject({ email: 'find@example.com' });
    expect(await bed.users.findByEmail('missing@example.com')).toBeUndefined();
  });

  it('promotes a customer to admin and back (the promote-admin command)', async () => {
    await bed.users.create(customer('usr_01JD8Z4M6Q5J3K2N1P0R9S8T71', 'promote@example.com'), []);

    const promoted = await bed.users.setRole('promote@example.com', 'admin');
    const demoted = await bed.users.setRole('promote@example.com', 'customer');

    expect(promoted?.role).toBe('admin');
    expect(demoted?.role).toBe('customer');
  });

  it('promotes nobody when the email has no account', async () => {
    expect(await bed.users.setRole('ghost@example.com', 'admin')).toBeUndefined();
  });
});
