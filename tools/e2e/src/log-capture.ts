/**
 * Captures everything the in-process shop writes (stdout, stderr and, when asked, the
 * console methods) at a chosen Powertools log level, and puts all of it back on `stop()`:
 * call that after the shop has stopped, once process.env is the process's own again.
 */
export interface LogCapture {
  /** Every chunk written since `captureLogs`, in order. */
  readonly chunks: string[];
  stop(): void;
}

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;

export function captureLogs(options: { level: 'DEBUG' | 'INFO'; console?: boolean }): LogCapture {
  const chunks: string[] = [];
  const writes = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };
  const originalConsole = Object.fromEntries(consoleMethods.map((method) => [method, console[method]]));
  const previousLevel = process.env['POWERTOOLS_LOG_LEVEL'];

  const record = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    return true;
  };
  process.env['POWERTOOLS_LOG_LEVEL'] = options.level;
  process.stdout.write = record as typeof process.stdout.write;
  process.stderr.write = record as typeof process.stderr.write;
  if (options.console) {
    for (const method of consoleMethods) console[method] = (...args: unknown[]) => void record(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' '));
  }

  return {
    chunks,
    stop() {
      process.stdout.write = writes.stdout;
      process.stderr.write = writes.stderr;
      if (options.console) for (const method of consoleMethods) console[method] = originalConsole[method] as (typeof console)[typeof method];
      if (previousLevel === undefined) delete process.env['POWERTOOLS_LOG_LEVEL'];
      else process.env['POWERTOOLS_LOG_LEVEL'] = previousLevel;
    },
  };
}
