/** How `npm start` was asked to run: flags win over environment variables. */
export interface StartOptions {
  port: number;
  persist: boolean;
  /** Where a persisted shop keeps its data (`SHOPLANE_DATA_DIR`); `.data/` in the workspace by default. */
  dataDirectory?: string;
}

export function parseStartOptions(argv: string[], env: NodeJS.ProcessEnv): StartOptions {
  const unknown = argv.filter((argument) => argument !== '--persist');
  if (unknown.length > 0) throw new Error(`Unknown argument(s): ${unknown.join(' ')}. Usage: npm start [-- --persist]`);
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a TCP port number, got "${env.PORT}".`);
  const persist = argv.includes('--persist') || ['1', 'true'].includes((env.SHOPLANE_PERSIST ?? '').toLowerCase());
  const dataDirectory = env.SHOPLANE_DATA_DIR ? { dataDirectory: env.SHOPLANE_DATA_DIR } : {};
  return { port, persist, ...dataDirectory };
}
