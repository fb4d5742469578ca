import { describe, expect, it } from 'vitest';
import { LoginRequest, RegisterUserRequest } from './users.js';

const valid = { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' };

describe('RegisterUserRequest', () => {
  it('trims and lower-cases the email', () => {
    const parsed = RegisterUserRequest.parse({ ...valid, email: '  Ada.Lovelace@Example.COM ' });

    expect(parsed.email).toBe('ada.lovelace@example.com');
  });

  it.each([['plainaddress'], ['a@b'], ['@example.com'], ['ada@'], ['']])('rejects the email %j', (email) => {
    expect(RegisterUserRequest.safeParse({ ...valid, email }).success).toBe(false);
  });

  it('accepts passwords from 8 to 72 bytes and rejects 7 or 73', () => {
    const withPassword = (password: string) => RegisterUserRequest.safeParse({ ...valid, password }).success;

    expect(withPassword('p'.repeat(8))).toBe(true);
    expect(withPassword('p'.repeat(72))).toBe(true);
    expect(withPassword('p'.repeat(7))).toBe(false);
    expect(withPassword('p'.repeat(73))).toBe(false);
  });

  it('counts the password in UTF-8 bytes: 18 four-byte emoji pass, 19 do not', () => {
    expect(RegisterUserRequest.safeParse({ ...valid, password: '🔑'.repeat(18) }).success).toBe(true);
    expect(RegisterUserRequest.safeParse({ ...valid, password: '🔑'.repeat(19) }).success).toBe(false);
  });

  it('requires a name of 1 to 100 characters after trimming', () => {
    expect(RegisterUserRequest.safeParse({ ...valid, name: '   ' }).success).toBe(false);
    expect(RegisterUserRequest.safeParse({ ...valid, name: 'n'.repeat(100) }).success).toBe(true);
    expect(RegisterUserRequest.safeParse({ ...valid, name: 'n'.repeat(101) }).success).toBe(false);
    expect(RegisterUserRequest.parse({ ...valid, name: '  Ada  ' }).name).toBe('Ada');
  });
});

describe('LoginRequest', () => {
  it('normalises the email as registration does', () => {
    expect(LoginRequest.parse({ email: ' ADA@example.com', password: 'x' }).email).toBe('ada@example.com');
  });
});
