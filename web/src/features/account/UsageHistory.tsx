import { useState } from 'react';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatNumber } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { loadUsage, type UsageRow } from './api';
import { actionLabel } from './usage';

function when(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

function Row({ row }: { row: UsageRow }) {
  const tokens = row.tokens_used ?? 0;
  return (
    <li className="account-usage-row">
      <span className="account-usage-row__what">{actionLabel(row.action_type)}</span>
      <span className="account-usage-row__tokens">
        {formatNumber(tokens)} {tokens === 1 ? 'token' : 'tokens'}
      </span>
      <span className="account-usage-row__meta">
        {when(row.created_at)}
        {row.model_used ? ` · ${row.model_used}` : ''}
        {row.success === false ? ' · failed, not charged' : ''}
      </span>
    </li>
  );
}

/** Every AI call, newest first, a page at a time. */
export function UsageHistory() {
  const api = useApi();
  const first = useResource((signal) => loadUsage(api, undefined, signal), [api]);
  const [more, setMore] = useState<{ items: UsageRow[]; next: string | null }[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  if (first.status === 'loading') return <Loading label="Loading your usage…" />;
  if (first.status === 'error') return <ErrorNotice error={first.error} onRetry={first.reload} />;

  const pages = [first.data, ...more];
  const rows = pages.flatMap((page) => page.items);
  const next = pages.at(-1)?.next ?? null;

  const loadMore = async () => {
    if (!next) return;
    setBusy(true);
    setError(null);
    try {
      const page = await loadUsage(api, next);
      setMore((loaded) => [...loaded, page]);
    } catch (failure) {
      setError(toUiError(failure, navigator.onLine));
    } finally {
      setBusy(false);
    }
  };

  if (rows.length === 0) return <p className="account-empty">No AI use yet.</p>;
  return (
    <>
      <ul className="account-usage-rows">
        {rows.map((row, i) => (
          <Row key={row.id ?? i} row={row} />
        ))}
      </ul>
      {error && (
        <ErrorNotice error={error} onRetry={() => void loadMore()} className="account-gap" />
      )}
      {next && (
        <button
          type="button"
          className="vf-button vf-button--quiet vf-button--small account-gap"
          onClick={() => void loadMore()}
          disabled={busy}
        >
          {busy ? 'Loading…' : 'Show earlier use'}
        </button>
      )}
    </>
  );
}
