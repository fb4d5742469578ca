import { newId, toEnvelope, type Caller, type LoginRequest, type RegisterUserRequest, type UserProfile } from '@shoplane/contracts';
import { InvalidCredentialsError, UserNotFoundError } from './errors.js';
import type { AttemptLog, IssuedToken, PasswordHasher, TokenSigner, UserRepository } from './ports.js';
import { admitAttempt, loginThrottleKeys, registrationThrottleKeys } from './throttle.js';
import { newCustomer, toProfile } from './user.js';

export interface AccountDependencies {
  users: UserRepository;
  hasher: PasswordHasher;
  attempts: AttemptLog;
  clock?: () => Date;
}

/** Who is asking, as far as throttles care: the address API Gateway saw the request come from. */
export interface ClientContext {
  sourceIp: string;
}

/** Creates a customer, unthrottled: for the seed and, once admitted, for `signUp`. */
export async function registerCustomer(
  deps: Pick<AccountDependencies, 'users' | 'hasher' | 'clock'>,
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

/** A registration over the API, throttled per client network (`registrationThrottle`). */
export async function signUp(
  deps: AccountDependencies,
  request: RegisterUserRequest,
  context: ClientContext & { correlationId: string },
): Promise<{ userId: string }> {
  await admitAttempt(deps.attempts, registrationThrottleKeys(context.sourceIp), deps.clock?.() ?? new Date());
  return registerCustomer(deps, request, context.correlationId);
}

export async function logIn(
  deps: AccountDependencies & { signer: TokenSigner },
  request: LoginRequest,
  client: ClientContext,
): Promise<IssuedToken & { userId: string }> {
  // First, before the account is even looked up: a refused attempt costs no bcrypt, and
  // its answer and timing are the same for any email and any password.
  const forgetAttempt = await admitAttempt(deps.attempts, loginThrottleKeys(request.email, client.sourceIp), deps.clock?.() ?? new Date());
  const user = await deps.users.findByEmail(request.email);
  if (!user) {
    // Take as long as a real check so response time does not reveal unknown emails.
    await deps.hasher.verifyAgainstDummy(request.password);
    throw new InvalidCredentialsError();
  }
  if (!(await deps.hasher.verify(request.password, user.passwordHash))) throw new InvalidCredentialsError();
  // Only failures count: the right password takes its attempt back from every throttle.
  await forgetAttempt();
  const caller: Caller = { userId: user.userId, role: user.role };
  return { ...(await deps.signer.sign(caller)), userId: user.userId };
}

export async function currentProfile(deps: Pick<AccountDependencies, 'users'>, caller: Caller): Promise<UserProfile> {
  const user = await deps.users.findById(caller.userId);
  if (!user) throw new UserNotFoundError();
  return toProfile(user);
}
