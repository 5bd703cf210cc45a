import type { UiError } from '../api/problem';
import { ErrorNotice } from './ErrorNotice';

/**
 * The foot of a paged list (src/api/usePagedList.ts): why the next page failed, with Retry, and
 * the button that loads it while there is one.
 */
export function ShowMoreButton({
  list,
  label,
  busyLabel,
}: {
  list: { more: 'idle' | 'loading' | UiError; hasMore: boolean; loadMore: () => void };
  /** e.g. "Show older"; `busyLabel` while the page loads, e.g. "Loading older entries…". */
  label: string;
  busyLabel: string;
}) {
  return (
    <>
      {list.more !== 'idle' && list.more !== 'loading' && (
        <ErrorNotice error={list.more} onRetry={list.loadMore} />
      )}
      {list.hasMore && (
        <div className="vf-more">
          <button
            type="button"
            className="vf-button vf-button--quiet"
            disabled={list.more === 'loading'}
            onClick={list.loadMore}
          >
            {list.more === 'loading' ? busyLabel : label}
          </button>
        </div>
      )}
    </>
  );
}
