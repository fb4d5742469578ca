import { getCurrentUser } from '@shoplane/contracts';
import { httpHandler, type TokenVerifier } from '@shoplane/lambda-kit';
import { accounts, logger } from '../adapters/dependencies.js';
import { currentProfile, type AccountDependencies } from '../domain/accounts.js';

export function getMeHandler(deps: () => Pick<AccountDependencies, 'users'>, verifier?: () => TokenVerifier) {
  return httpHandler(getCurrentUser, { logger, verifier }, async ({ caller }) => ({
    status: 200,
    body: await currentProfile(deps(), caller),
    headers: { 'cache-control': 'private, no-store' },
  }));
}

export const handler = getMeHandler(accounts);
