/** Thrown at cold start when the function is deployed without a variable it needs. */
export class MissingConfigurationError extends Error {
  constructor(name: string) {
    super(`Environment variable ${name} is not set; the stack (or the local runtime) must provide it.`);
    this.name = 'MissingConfigurationError';
  }
}

export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new MissingConfigurationError(name);
  return value;
}

/** Memoises a factory so configuration is read and validated once per container. */
export function once<T>(factory: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: factory() };
    return made.value;
  };
}
