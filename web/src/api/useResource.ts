import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { toUiError, type UiError } from './problem';

export type Resource<T> =
  { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: UiError };

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * Loads data for a screen: loading, then the data or a UiError, and reload() for a Retry button.
 * The load is cancelled (its AbortSignal fires) when the deps change or the screen goes away.
 *
 *   const balance = useResource((signal) => unwrap(api.GET('/api/v1/ai/balance', { signal })), [api]);
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): Resource<T> & { reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [loadedDeps, setLoadedDeps] = useState(deps);

  // New deps: show loading at once (state adjusted while rendering, not after).
  if (!sameDeps(loadedDeps, deps)) {
    setLoadedDeps(deps);
    setState({ status: 'loading' });
  }

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const online = typeof navigator === 'undefined' ? true : navigator.onLine;
        setState({ status: 'error', error: toUiError(error, online) });
      },
    );
    return () => controller.abort();
    // The caller names the deps of load, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { ...state, reload };
}

/**
 * Like useResource, for figures shown beside a list (counts, a streak): `refresh()` asks again
 * after a change, and the last figures (`shown`) stay on screen while the new ones load.
 */
export function useRefreshedResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): Resource<T> & { reload: () => void; shown: T | undefined; refresh: () => void } {
  const [version, setVersion] = useState(0);
  const resource = useResource(load, [...deps, version]);
  const [shown, setShown] = useState<T | undefined>(undefined);
  if (resource.status === 'ok' && resource.data !== shown) setShown(resource.data);
  const refresh = useCallback(() => setVersion((n) => n + 1), []);
  return { ...resource, shown, refresh };
}
