import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { requireEnv } from '@shoplane/lambda-kit';

/** Reads a secret's value when needed; cached by Powertools for `maxAgeSeconds`. */
export type SecretSource = () => Promise<string>;

/** Provider keys change rarely; five minutes keeps Secrets Manager calls low and a rotation quick to take effect. */
const cacheSeconds = 300;

/**
 * The secret whose name (or ARN) an environment variable holds, as the stack sets it.
 * The variable is required when the source is made, so a missing one fails at cold start.
 */
export function secretNamedBy(variable: string, env: NodeJS.ProcessEnv = process.env): SecretSource {
  const name = requireEnv(variable, env);
  return async () => {
    const value = await getSecret(name, { maxAge: cacheSeconds });
    const text = typeof value === 'string' ? value : value ? new TextDecoder().decode(value) : '';
    if (text.trim() === '') throw new Error(`The secret named by ${variable} is empty`);
    return text.trim();
  };
}
