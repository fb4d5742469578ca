import { loginUser, registerUser } from '@shoplane/contracts';
import { apiEvent, invoke } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { usersTestbed } from '../test-support.js';
import { loginHandler } from './login.js';
import { registerHandler } from './register.js';

let bed: Awaited<ReturnType<typeof usersTestbed>>;
let login: ReturnType<typeof loginHandler>;
let register: ReturnType<typeof registerHandler>;

/** 72 bytes exactly: all bcrypt ever reads. */
const longest = 'a'.repeat(59) + 'correct-horse';
const decomposedCafe = 'cafe\u0301 au lait, s\u0301il vous plait';
const composedCafe = decomposedCafe.normalize('NFC');

beforeAll(async () => {
  bed = await usersTestbed();
  login = loginHandler(() => ({ ...bed.accounts(), signer: bed.signer }));
  register = registerHandler(bed.accounts);
  await invoke(register, apiEvent(registerUser, { body: { email: 'long@example.com', password: longest, name: 'Long' } }));
  await invoke(register, apiEvent(registerUser, { body: { email: 'cafe@example.com', password: decomposedCafe, name: 'Café' } }));
});

const attempt = (email: string, password: string) => invoke(login, apiEvent(loginUser, { body: { email, password } }));
const withoutCorrelation = (body: unknown) => ({ ...(body as object), correlationId: undefined });

describe('passwords at login', () => {
  it('accept the registered 72-byte password', async () => {
    expect((await attempt('long@example.com', longest)).status).toBe(200);
  });

  it('refuse a longer string that shares the first 72 bytes, with the same answer as any wrong password', async () => {
    const longer = await attempt('long@example.com', `${longest}-and-then-some`);
    const wrong = await attempt('long@example.com', 'not the password at all');

    expect(longer.status).toBe(401);
    expect(withoutCorrelation(longer.body)).toEqual(withoutCorrelation(wrong.body));
  });

  it('let a user in whose keyboard composes accents differently (Unicode NFC)', async () => {
    expect(composedCafe).not.toBe(decomposedCafe);

    expect((await attempt('cafe@example.com', composedCafe)).status).toBe(200);
    expect((await attempt('cafe@example.com', decomposedCafe)).status).toBe(200);
  });
});
