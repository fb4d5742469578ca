interface PromiseWithResolversShape<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

/**
 * aws-local-stepfunctions 3 calls `Promise.withResolvers` (Node 22); this workspace runs
 * on Node 20. Installs the standard behaviour once, only where it is missing; call it
 * before the library runs anything.
 */
export function ensurePromiseWithResolvers(): void {
  const promiseConstructor = Promise as unknown as { withResolvers?: <T>() => PromiseWithResolversShape<T> };
  if (typeof promiseConstructor.withResolvers === 'function') return;
  promiseConstructor.withResolvers = <T>() => {
    let resolve: PromiseWithResolversShape<T>['resolve'] = () => undefined;
    let reject: PromiseWithResolversShape<T>['reject'] = () => undefined;
    const promise = new Promise<T>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    return { promise, resolve, reject };
  };
}
