import type { Role, UserProfile } from '@shoplane/contracts';

export interface User {
  userId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
}

export interface NewUserInput {
  userId: string;
  email: string;
  name: string;
  passwordHash: string;
  now: Date;
}

/** Everyone who registers is a customer; admins are promoted by an operator. */
export function newCustomer(input: NewUserInput): User {
  return {
    userId: input.userId,
    email: input.email,
    name: input.name,
    role: 'customer',
    passwordHash: input.passwordHash,
    createdAt: input.now.toISOString(),
  };
}

export function toProfile(user: User): UserProfile {
  return { userId: user.userId, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt };
}
