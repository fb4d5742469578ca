import { getCurrentUser } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { accounts, logger } from '../adapters/dependencies.js';
import { currentProfile, type AccountDependencies } from '../domain/accounts.js';
import { problems } from '../problems.js';

export function getMeHandler(deps: () => Pick<AccountDependencies, 'users'>, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(getCurrentUser, { logger, problems, verifier }, async ({ caller }) => ({
    status: 200,
    body: await currentProfile(deps(), caller),
  }));
}

export const handler = getMeHandler(accounts);
