/**
 * What the fixture handlers received, kept on globalThis so the test sees the same list
 * whichever module instance the runtime's dynamic import produced.
 */
interface Recorded {
  subscriber: { messageId: string; receiveCount: number; body: string }[];
  stream: { eventID: string; eventName: string; keys: unknown; newImage: unknown; oldImage: unknown }[];
  scheduled: { event: unknown; variables: string[] }[];
}

const key = Symbol.for('shoplane.local-cloud.fixture-recorder');
const holder = globalThis as typeof globalThis & { [key]?: Recorded };

export function recorded(): Recorded {
  holder[key] ??= { subscriber: [], stream: [], scheduled: [] };
  return holder[key];
}

export function resetRecorded(): void {
  holder[key] = { subscriber: [], stream: [], scheduled: [] };
}
