/** Bodies the ledger's queue handed to its consumer, on globalThis so the test sees what the runtime's module instance saw. */
const key = Symbol.for('shoplane.local-cloud.queue-fixture');
const holder = globalThis as typeof globalThis & { [key]?: { body: string; receiveCount: number }[] };

export function received(): { body: string; receiveCount: number }[] {
  holder[key] ??= [];
  return holder[key];
}
