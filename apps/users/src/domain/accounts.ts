import { newId, toEnvelope, type Caller, type LoginRequest, type RegisterUserRequest, type UserProfile } from '@shoplane/contracts';
import { InvalidCredentialsError, UserNotFoundError } from './errors.js';
import type { IssuedToken, PasswordHasher, TokenSigner, UserRepository } from './ports.js';
import { newCustomer, toProfile } from './user.js';

export interface AccountDependencies {
  users: UserRepository;
  hasher: PasswordHasher;
  clock?: () => Date;
}

export async function registerCustomer(
  deps: AccountDependencies,
  request: RegisterUserRequest,
  correlationId: string,
): Promise<{ userId: string }> {
  const now = deps.clock?.() ?? new Date();
  const user = newCustomer({
    userId: newId('usr'),
    email: request.email,
    name: request.name,
    passwordHash: await deps.hasher.hash(request.password),
    now,
  });
  const registered = toEnvelope(
    'users',
    { eventType: 'UserRegistered', correlationId, data: { userId: user.userId, email: user.email, name: user.name, role: user.role } },
    now,
  );
  await deps.users.create(user, [registered]);
  return { userId: user.userId };
}

export async function logIn(
  deps: AccountDependencies & { signer: TokenSigner },
  request: LoginRequest,
): Promise<IssuedToken & { userId: string }> {
  const user = await deps.users.findByEmail(request.email);
  if (!user) {
    // Take as long as a real check so response time does not reveal unknown emails.
    await deps.hasher.verifyAgainstDummy(request.password);
    throw new InvalidCredentialsError();
  }
  if (!(await deps.hasher.verify(request.password, user.passwordHash))) throw new InvalidCredentialsError();
  const caller: Caller = { userId: user.userId, role: user.role };
  return { ...(await deps.signer.sign(caller)), userId: user.userId };
}

export async function currentProfile(deps: Pick<AccountDependencies, 'users'>, caller: Caller): Promise<UserProfile> {
  const user = await deps.users.findById(caller.userId);
  if (!user) throw new UserNotFoundError();
  return toProfile(user);
}
