import { useCallback, useEffect, useState } from 'react';

export type Resource<Data> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'ready'; data: Data; error?: undefined }
  | { state: 'error'; data?: undefined; error: unknown };

/** Loads `load()` when a dependency changes; `reload` asks again. Answers of superseded loads are dropped. */
export function useResource<Data>(load: () => Promise<Data>, deps: readonly unknown[]): Resource<Data> & { reload: () => void } {
  const [resource, setResource] = useState<Resource<Data>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const stableLoad = useCallback(load, deps);

  useEffect(() => {
    let current = true;
    setResource({ state: 'loading' });
    stableLoad().then(
      (data) => current && setResource({ state: 'ready', data }),
      (error: unknown) => current && setResource({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [stableLoad, generation]);

  return { ...resource, reload: () => setGeneration((value) => value + 1) };
}
