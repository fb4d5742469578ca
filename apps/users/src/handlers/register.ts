import { registerUser } from '@shoplane/contracts';
import { httpHandler } from '@shoplane/lambda-kit';
import { accounts, logger } from '../adapters/dependencies.js';
import { signUp, type AccountDependencies } from '../domain/accounts.js';
import { problems } from '../problems.js';

export function registerHandler(deps: () => AccountDependencies) {
  return httpHandler(registerUser, { logger, problems }, async ({ body, correlationId, event }) => {
    const { userId } = await signUp(deps(), body, { correlationId, sourceIp: event.requestContext.http.sourceIp });
    logger.info('user registered', { userId });
    return { status: 201, body: { message: 'Account created.', userId }, headers: { location: '/users/me' } };
  });
}

export const handler = registerHandler(accounts);
