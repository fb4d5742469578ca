/**
 * Which items of a batch a handler reports as failed (`{ batchItemFailures: [{ itemIdentifier }] }`),
 * read as Lambda's event source mappings read it: nothing reported means all succeeded, and a
 * malformed report (empty or unknown identifier) fails the whole batch.
 */
export function failedItems(result: unknown, identifiers: string[]): Set<string> {
  const everything = new Set(identifiers);
  if (typeof result !== 'object' || result === null || !('batchItemFailures' in result)) return new Set();
  const failures = (result as { batchItemFailures: unknown }).batchItemFailures;
  if (failures === null || failures === undefined) return new Set();
  if (!Array.isArray(failures)) return everything;
  const failed = new Set<string>();
  for (const failure of failures) {
    const id: unknown = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !everything.has(id)) return everything;
    failed.add(id);
  }
  return failed;
}
