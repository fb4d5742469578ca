import { loginUser } from '@shoplane/contracts';
import { httpHandler, platformTokenSigner } from '@shoplane/lambda-kit';
import { accounts, logger, metrics } from '../adapters/dependencies.js';
import { logIn, type AccountDependencies } from '../domain/accounts.js';
import { TooManyAttemptsError } from '../domain/errors.js';
import type { TokenSigner } from '../domain/ports.js';
import { problems } from '../problems.js';

export function loginHandler(deps: () => AccountDependencies & { signer: TokenSigner }) {
  return httpHandler(loginUser, { logger, problems }, async ({ body, event }) => {
    const session = await logIn(deps(), body, { sourceIp: event.requestContext.http.sourceIp }).catch((error: unknown) => {
      if (error instanceof TooManyAttemptsError) metrics.count('LoginsThrottled');
      throw error;
    });
    // A public operation gets no cache-control from the wrapper, and a token must never be cached.
    return { status: 200, body: session, headers: { 'cache-control': 'no-store' } };
  });
}

export const handler = loginHandler(() => ({ ...accounts(), signer: platformTokenSigner() }));
