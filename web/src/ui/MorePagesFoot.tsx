import type { UiError } from '../api/problem';
import { ErrorNotice } from './ErrorNotice';

/**
 * The foot of a list read a page at a time (src/api/useMorePages.ts): why the next page failed,
 * with Retry, and the button that asks for it while there is one.
 */
export function MorePagesFoot({
  pages,
  label,
  className,
}: {
  pages: {
    hasMore: boolean;
    busy: boolean;
    error: UiError | null;
    loadMore: () => Promise<void>;
  };
  /** e.g. "Show earlier use" ("Loading…" while the page loads). */
  label: string;
  /** The spacing class of the section, on the failure and on the button. */
  className: string;
}) {
  return (
    <>
      {pages.error && (
        <ErrorNotice
          error={pages.error}
          onRetry={() => void pages.loadMore()}
          className={className}
        />
      )}
      {pages.hasMore && (
        <button
          type="button"
          className={`vf-button vf-button--quiet vf-button--small ${className}`}
          onClick={() => void pages.loadMore()}
          disabled={pages.busy}
        >
          {pages.busy ? 'Loading…' : label}
        </button>
      )}
    </>
  );
}
