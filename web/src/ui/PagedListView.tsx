import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { PagedList } from '../api/usePagedList';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';
import { ShowMoreButton } from './ShowMoreButton';

/** What a list says when it has nothing to show. */
export interface EmptyList {
  /** Filters are on: nothing matches them, and a button drops them. */
  filtered: boolean;
  noMatch: string;
  clearLabel: string;
  onClear: () => void;
  /** Nothing at all yet: a word of encouragement and a link to add the first one (`new`). */
  nothingYet: string;
  addLabel: string;
}

/**
 * A list page's list (src/api/usePagedList.ts) in each of its states: loading, failed (with
 * Retry), empty, or its items (`children` lays them out) with "Show more" below.
 */
export function PagedListView<T>({
  list,
  loadingLabel,
  empty,
  moreLabel,
  moreBusyLabel,
  children,
}: {
  list: PagedList<T> & { reload: () => void; loadMore: () => void };
  loadingLabel: string;
  empty: EmptyList;
  moreLabel: string;
  moreBusyLabel: string;
  children: (items: T[]) => ReactNode;
}) {
  if (list.status === 'loading') return <Loading label={loadingLabel} />;
  if (list.status === 'error') return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) {
    return (
      <div className="vf-card vf-empty">
        {empty.filtered ? (
          <>
            <p>{empty.noMatch}</p>
            <button
              type="button"
              className="vf-button vf-button--quiet vf-button--small"
              onClick={empty.onClear}
            >
              {empty.clearLabel}
            </button>
          </>
        ) : (
          <>
            <p>{empty.nothingYet}</p>
            <Link className="vf-button vf-button--small" to="new">
              {empty.addLabel}
            </Link>
          </>
        )}
      </div>
    );
  }
  return (
    <>
      {children(list.items)}
      <ShowMoreButton list={list} label={moreLabel} busyLabel={moreBusyLabel} />
    </>
  );
}
