/** Where the runtime reports what happens; `quiet` (tests) swallows everything. */
export interface LocalLog {
  info(line: string): void;
  error(line: string, error?: unknown): void;
}

export const consoleLog: LocalLog = {
  info: (line) => console.log(line),
  error: (line, error) => (error === undefined ? console.error(line) : console.error(line, error)),
};

export const silentLog: LocalLog = { info: () => undefined, error: () => undefined };
