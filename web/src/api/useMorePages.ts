import { useState, type DependencyList } from 'react';
import type { CursorPage } from './paging';
import { toUiError, type UiError } from './problem';
import { useResource } from './useResource';

/**
 * A list whose first page loads with the screen (a resource: loading, failed with Retry) and whose
 * later pages come one at a time when the member asks (`loadMore`), each with its own busy flag
 * and failure, so a failed "more" leaves the rows already shown in place.
 */
export function useMorePages<T>(
  load: (cursor: string | undefined, signal?: AbortSignal) => Promise<CursorPage<T>>,
  deps: DependencyList,
) {
  const first = useResource((signal) => load(undefined, signal), deps);
  const [more, setMore] = useState<CursorPage<T>[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const pages = first.status === 'ok' ? [first.data, ...more] : [];
  const items = pages.flatMap((page) => page.items);
  const next = pages.at(-1)?.next ?? null;

  const loadMore = async () => {
    if (!next) return;
    setBusy(true);
    setError(null);
    try {
      const page = await load(next);
      setMore((loaded) => [...loaded, page]);
    } catch (failure) {
      setError(toUiError(failure, navigator.onLine));
    } finally {
      setBusy(false);
    }
  };

  return { first, items, hasMore: next !== null, busy, error, loadMore };
}
