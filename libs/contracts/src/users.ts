import * as z from 'zod/mini';
import { Role, Timestamp, UserId } from './common.js';
import { defineOperation } from './http.js';

const utf8 = new TextEncoder();

export const Email = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email({ error: 'must be a valid email address' }))
  .register(z.globalRegistry, {
    description: 'Email address; surrounding spaces are trimmed and it is compared in lower case.',
    examples: ['ada@example.com'],
  });

/**
 * bcrypt reads at most 72 bytes; a longer password would be truncated silently,
 * so it is rejected instead. The limit is in UTF-8 bytes, not characters, after
 * Unicode NFC normalization: the same password typed on another keyboard (é as one
 * code point or as e + accent) is the same password.
 */
export const NewPassword = z
  .string()
  .check(
    z.normalize('NFC'),
    z.minLength(8, { error: 'must be at least 8 characters' }),
    z.maxLength(72),
    z.refine((value) => utf8.encode(value).length <= 72, { error: 'must be at most 72 bytes in UTF-8' }),
  )
  .register(z.globalRegistry, { description: 'Password, 8 to 72 bytes in UTF-8 after Unicode NFC normalization.', examples: ['correct horse battery'] });

export const RegisterUserRequest = z
  .strictObject({
    email: Email,
    password: NewPassword,
    name: z
      .string()
      .check(z.trim(), z.minLength(1, { error: 'must not be empty' }), z.maxLength(100))
      .register(z.globalRegistry, { description: 'Display name, 1 to 100 characters.', examples: ['Ada Lovelace'] }),
  })
  .register(z.globalRegistry, { id: 'RegisterUserRequest' });

export const RegisterUserResponse = z
  .object({ message: z.string(), userId: UserId })
  .register(z.globalRegistry, { id: 'RegisterUserResponse' });

export const LoginRequest = z
  .strictObject({
    email: Email,
    // No bcrypt length rule here: a password over 72 bytes is a wrong password (401), never a 422.
    password: z.string().check(z.normalize('NFC'), z.minLength(1), z.maxLength(1024)).register(z.globalRegistry, { examples: ['correct horse battery'] }),
  })
  .register(z.globalRegistry, { id: 'LoginRequest' });

export const LoginResponse = z
  .object({
    token: z.string().register(z.globalRegistry, {
      description: 'Bearer token (JWT, ES256) for the Authorization header.',
      examples: ['eyJhbGciOiJFUzI1NiIsImtpZCI6ImtleS0xIn0.eyJzdWIiOiJ1c3JfMDFKRDhaNE02UTVKM0syTjFQMFI5UzhUN1YifQ.c2lnbmF0dXJl'],
    }),
    userId: UserId,
    expiresIn: z.int().check(z.minimum(1)).register(z.globalRegistry, { description: 'Seconds until the token expires.', examples: [3600] }),
  })
  .register(z.globalRegistry, { id: 'LoginResponse' });

export const UserProfile = z
  .object({
    userId: UserId,
    email: z.string().register(z.globalRegistry, { examples: ['ada@example.com'] }),
    name: z.string().register(z.globalRegistry, { examples: ['Ada Lovelace'] }),
    role: Role,
    createdAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'UserProfile' });

export type RegisterUserRequest = z.infer<typeof RegisterUserRequest>;
export type RegisterUserResponse = z.infer<typeof RegisterUserResponse>;
export type LoginRequest = z.infer<typeof LoginRequest>;
export type LoginResponse = z.infer<typeof LoginResponse>;
export type UserProfile = z.infer<typeof UserProfile>;

export const registerUser = defineOperation({
  operationId: 'registerUser',
  method: 'post',
  path: '/users/register',
  auth: 'public',
  tags: ['users'],
  summary: 'Register a customer account',
  description:
    'Creates a customer. The email is unique across the shop; registering it twice answers 409. Emits `UserRegistered`. ' +
    'At most 10 registrations an hour come from one client address (an IPv6 /64); more answer 429 with `Retry-After` (seconds).',
  request: { body: RegisterUserRequest },
  responses: { 201: { description: 'The account was created.', schema: RegisterUserResponse } },
  problems: [409, 422, 429],
});

export const loginUser = defineOperation({
  operationId: 'loginUser',
  method: 'post',
  path: '/users/login',
  auth: 'public',
  tags: ['users'],
  summary: 'Log in and receive a bearer token',
  description:
    'An unknown email and a wrong password give the same 401 answer. Failed attempts are throttled: 5 in 15 minutes for one ' +
    'email from one client address (an IPv6 /64), 20 from one address, 30 for one email from everywhere. Over a limit the ' +
    'answer is 429 with `Retry-After` (seconds until the window frees a slot), whatever the email and password; a ' +
    'successful login does not count.',
  request: { body: LoginRequest },
  responses: { 200: { description: 'A token valid for `expiresIn` seconds.', schema: LoginResponse } },
  problems: [401, 422, 429],
});

export const getCurrentUser = defineOperation({
  operationId: 'getCurrentUser',
  method: 'get',
  path: '/users/me',
  auth: 'user',
  tags: ['users'],
  summary: 'The caller\'s own profile',
  responses: { 200: { description: 'The profile of the token\'s subject.', schema: UserProfile } },
  problems: [401, 404],
});

export const userOperations = [registerUser, loginUser, getCurrentUser];
