import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { platformVariables } from '@shoplane/manifest';
import { once, requireEnv } from './config.js';
import { createTokenSigner, keyCacheSeconds, tokenSettingsFromEnv, type KeySource, type SigningKey, type TokenSigner } from './tokens.js';

// Apart from the verifier so that only the handler that issues tokens carries the Secrets Manager client.

/** The platform's private signing key from Secrets Manager, cached by Powertools. */
export function platformSigningKey(env: NodeJS.ProcessEnv = process.env): Pick<KeySource, 'signingKey'> {
  return {
    async signingKey(): Promise<SigningKey> {
      const name = requireEnv(platformVariables.signingKeySecret, env);
      const value = await getSecret<SigningKey>(name, { transform: 'json', maxAge: keyCacheSeconds });
      if (!value?.kid || !value.privateKeyPem) throw new Error(`Secret ${name} holds no signing key`);
      return value;
    },
  };
}

/** The token signer of the one handler that logs users in; built on first use. */
export const platformTokenSigner: () => TokenSigner = once(() => createTokenSigner(platformSigningKey(), tokenSettingsFromEnv()));
