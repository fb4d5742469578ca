import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import { platformVariables } from '@shoplane/manifest';
import { once, requireEnv } from './config.js';
import { createTokenVerifier, keyCacheSeconds, tokenSettingsFromEnv, type KeySource, type PublicKey, type TokenVerifier } from './tokens.js';

/*
 * Apart from tokens.ts so that only handlers of authenticated operations import it:
 * a public handler's bundle then carries neither jsonwebtoken nor the SSM client.
 */

/** The platform's public keys from SSM, cached by Powertools. */
export function platformPublicKeys(env: NodeJS.ProcessEnv = process.env): Pick<KeySource, 'publicKeys'> {
  return {
    async publicKeys(): Promise<PublicKey[]> {
      const name = requireEnv(platformVariables.publicKeysParameter, env);
      const value = await getParameter<{ keys: PublicKey[] }>(name, { transform: 'json', maxAge: keyCacheSeconds });
      if (!value?.keys?.length) throw new Error(`Parameter ${name} holds no public keys`);
      return value.keys;
    },
  };
}

/** What an authenticated operation's handler passes to `httpHandler` as `verifier`; built on first use. */
export const platformTokenVerifier: () => TokenVerifier = once(() => createTokenVerifier(platformPublicKeys(), tokenSettingsFromEnv()));
