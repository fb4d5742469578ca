/** An internal operation: invoked through Lambda Invoke, returns plain data or throws. */
export async function handler(event: { thingId?: string }): Promise<{ thingId: string; found: boolean }> {
  if (!event.thingId) throw new RangeError('thingId is required');
  return { thingId: event.thingId, found: event.thingId.startsWith('thg_') };
}
