/**
 * Memoises an async factory (a client built from a secret) per container; a failure is
 * not kept, so the next call tries again instead of failing forever.
 */
export function lazily<T>(factory: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= factory().catch((error: unknown) => {
      made = undefined;
      throw error;
    });
    return made;
  };
}
