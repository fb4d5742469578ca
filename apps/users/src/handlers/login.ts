import { loginUser } from '@shoplane/contracts';
import { httpHandler, type TokenSigner } from '@shoplane/lambda-kit';
import { accounts, logger, tokenSigner } from '../adapters/dependencies.js';
import { logIn, type AccountDependencies } from '../domain/accounts.js';

export function loginHandler(deps: () => AccountDependencies & { signer: TokenSigner }) {
  return httpHandler(loginUser, { logger }, async ({ body }) => {
    const session = await logIn(deps(), body);
    return { status: 200, body: session, headers: { 'cache-control': 'no-store' } };
  });
}

export const handler = loginHandler(() => ({ ...accounts(), signer: tokenSigner() }));
