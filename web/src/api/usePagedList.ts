import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { appendPage, nextCursor, type Page } from './paging';
import { toUiError, type UiError } from './problem';

export type PagedList<T> =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | {
      status: 'ok';
      items: T[];
      /** Whether there are more (older) items to ask for. */
      hasMore: boolean;
      /** The "more" request: idle, in flight, or failed. */
      more: 'idle' | 'loading' | UiError;
    };

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

function online(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

/**
 * A list loaded a page at a time: the first page when the deps change (loading, then the items or
 * a UiError), `loadMore()` for the next one, and `refresh()` after a change, which loads the first
 * page again while the current items stay on screen.
 */
export function usePagedList<T extends { id?: string }>(
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  deps: DependencyList,
) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PagedList<T>>({ status: 'loading' });
  const [loadedDeps, setLoadedDeps] = useState(deps);
  const cursor = useRef<string | undefined>(undefined);
  const moreController = useRef<AbortController | null>(null);
  // The latest load, for loadMore (the deps restart the list anyway).
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });

  if (!sameDeps(loadedDeps, deps)) {
    setLoadedDeps(deps);
    setState({ status: 'loading' });
  }

  useEffect(() => {
    const controller = new AbortController();
    moreController.current?.abort();
    load(undefined, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        cursor.current = nextCursor(page);
        setState({
          status: 'ok',
          items: page.items ?? [],
          hasMore: !!cursor.current,
          more: 'idle',
        });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', error: toUiError(error, online()) });
        }
      },
    );
    return () => controller.abort();
    // The caller names the deps of load, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  useEffect(() => () => moreController.current?.abort(), []);

  const loadMore = useCallback(() => {
    const after = cursor.current;
    if (!after) return;
    const controller = new AbortController();
    moreController.current?.abort();
    moreController.current = controller;
    setState((current) => (current.status === 'ok' ? { ...current, more: 'loading' } : current));
    latestLoad.current(after, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        cursor.current = nextCursor(page);
        setState((current) =>
          current.status === 'ok'
            ? {
                status: 'ok',
                items: appendPage(current.items, page.items ?? []),
                hasMore: !!cursor.current,
                more: 'idle',
              }
            : current,
        );
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const ui = toUiError(error, online());
        setState((current) => (current.status === 'ok' ? { ...current, more: ui } : current));
      },
    );
  }, []);

  /** Loads the first page again; the items on screen stay until it arrives. */
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  /** After an error: show loading and try again. */
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { ...state, loadMore, refresh, reload };
}
