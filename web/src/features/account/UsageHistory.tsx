import { useApi } from '../../api/useApi';
import { useMorePages } from '../../api/useMorePages';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatNumber } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { MorePagesFoot } from '../../ui/MorePagesFoot';
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
  const pages = useMorePages((cursor, signal) => loadUsage(api, cursor, signal), [api]);
  const { first } = pages;

  if (first.status === 'loading') return <Loading label="Loading your usage…" />;
  if (first.status === 'error') return <ErrorNotice error={first.error} onRetry={first.reload} />;
  if (pages.items.length === 0) return <p className="account-empty">No AI use yet.</p>;
  return (
    <>
      <ul className="account-usage-rows">
        {pages.items.map((row, i) => (
          <Row key={row.id ?? i} row={row} />
        ))}
      </ul>
      <MorePagesFoot pages={pages} label="Show earlier use" className="account-gap" />
    </>
  );
}
