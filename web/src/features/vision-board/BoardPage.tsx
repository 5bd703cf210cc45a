import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { usePagedList } from '../../api/usePagedList';
import { useResource } from '../../api/useResource';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CATEGORY_LABELS, LIFE_CATEGORIES } from '../../ui/lifeCategories';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { actualizeItem, deleteItem, loadItems, loadStats, moveBack } from './api';
import {
  STATUSES,
  STATUS_LABELS,
  filterWords,
  filtersFromSearch,
  filtersToSearch,
  statusCounts,
  type BoardFilters,
  type BoardItem,
  type BoardStats,
} from './board';
import { ItemCard } from './ItemCard';

/** The board: counts by status, filters, and the items as cards. */
export function BoardPage() {
  usePageTitle('Vision board');
  const api = useApi();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const { status, category } = filters;

  const list = usePagedList(
    (cursor, signal) => loadItems(api, { status, category }, cursor, signal),
    [api, status, category],
  );
  const [statsVersion, setStatsVersion] = useState(0);
  const stats = useResource((signal) => loadStats(api, signal), [api, statsVersion]);
  // The last counts stay on screen while new ones load after a change.
  const [shownStats, setShownStats] = useState<BoardStats | undefined>(undefined);
  if (stats.status === 'ok' && stats.data !== shownStats) setShownStats(stats.data);

  const saved = (location.state as { saved?: string } | null)?.saved;
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState<{ error: UiError; retry: () => void } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<BoardItem | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<UiError | null>(null);

  const setFilters = (next: BoardFilters) => setParams(filtersToSearch(next), { replace: true });

  const changed = () => {
    list.refresh();
    setStatsVersion((n) => n + 1);
  };

  const act = async (item: BoardItem, run: () => Promise<unknown>, done: string) => {
    if (!item.id) return;
    setBusyId(item.id);
    setFailed(null);
    setMessage('');
    try {
      await run();
      setMessage(done);
      changed();
    } catch (error) {
      setFailed({ error: toUiError(error), retry: () => void act(item, run, done) });
      // The item may have changed or gone meanwhile (404, 409): show the board as it is now.
      changed();
    } finally {
      setBusyId(null);
    }
  };

  const confirmDelete = async () => {
    const item = toDelete;
    if (!item?.id) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await deleteItem(api, item.id);
      setToDelete(null);
      setMessage(`“${item.name ?? ''}” was removed from your board.`);
      changed();
    } catch (error) {
      setDeleteError(toUiError(error));
    } finally {
      setDeleting(false);
    }
  };

  const { counts, total } = statusCounts(shownStats);
  const filtered = !!(status || category);

  return (
    <>
      <header className="vf-page-header vb-header">
        <div>
          <p className="vf-eyebrow">Vision board</p>
          <h1>What you are creating</h1>
          <p className="vf-page-header__lead">
            Pin the things you are bringing into your life, with a picture, and mark them actualized
            when they come true.
          </p>
        </div>
        <Link className="vf-button" to="new">
          Add an item
        </Link>
      </header>

      <section className="vb-summary" aria-labelledby="vb-summary-title">
        <h2 id="vb-summary-title" className="vf-visually-hidden">
          Counts by status
        </h2>
        {stats.status === 'error' && !shownStats ? (
          <ErrorNotice error={stats.error} onRetry={stats.reload} />
        ) : !shownStats ? (
          <Loading label="Counting your items…" />
        ) : (
          <ul className="vb-summary__list">
            <li>
              <button
                type="button"
                className="vb-summary__item"
                aria-pressed={!status}
                onClick={() => setFilters({ category })}
              >
                <span className="vb-summary__label">All</span>{' '}
                <span className="vb-summary__count">{total}</span>
              </button>
            </li>
            {counts.map((entry) => (
              <li key={entry.status}>
                <button
                  type="button"
                  className={`vb-summary__item vb-summary__item--${entry.status}`}
                  aria-pressed={status === entry.status}
                  onClick={() =>
                    setFilters({
                      category,
                      ...(status === entry.status ? {} : { status: entry.status }),
                    })
                  }
                >
                  <span className="vb-summary__label">{entry.label}</span>{' '}
                  <span className="vb-summary__count">{entry.count}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="vb-items" aria-labelledby="vb-items-title">
        <div className="vb-items__head">
          <div>
            <h2 id="vb-items-title">Your items</h2>
            <p className="vf-card__note">{filterWords(filters)}</p>
          </div>
          <div className="vb-filters">
            <div className="vf-field vb-filters__field">
              <label className="vf-label" htmlFor="vb-filter-status">
                Status
              </label>
              <select
                id="vb-filter-status"
                className="vf-select"
                value={status ?? ''}
                onChange={(event) => {
                  const value = event.target.value;
                  const next = STATUSES.find((s) => s === value);
                  setFilters({ category, ...(next ? { status: next } : {}) });
                }}
              >
                <option value="">Any status</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="vf-field vb-filters__field">
              <label className="vf-label" htmlFor="vb-filter-category">
                Life area
              </label>
              <select
                id="vb-filter-category"
                className="vf-select"
                value={category ?? ''}
                onChange={(event) => {
                  const value = event.target.value;
                  const next = LIFE_CATEGORIES.find((c) => c === value);
                  setFilters({ status, ...(next ? { category: next } : {}) });
                }}
              >
                <option value="">Every life area</option>
                {LIFE_CATEGORIES.map((key) => (
                  <option key={key} value={key}>
                    {CATEGORY_LABELS[key]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>

        <p className="vb-message" role="status">
          {message || saved || ''}
        </p>
        {failed && <ErrorNotice error={failed.error} onRetry={failed.retry} />}

        {list.status === 'loading' && <Loading label="Loading your board…" />}
        {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
        {list.status === 'ok' && list.items.length === 0 && (
          <div className="vb-empty vf-card">
            {filtered ? (
              <>
                <p>Nothing on your board matches these filters.</p>
                <button
                  type="button"
                  className="vf-button vf-button--quiet vf-button--small"
                  onClick={() => setFilters({})}
                >
                  Show every item
                </button>
              </>
            ) : (
              <>
                <p>
                  Your board is empty. Pin the first thing you are creating: a place, a feeling, a
                  thing.
                </p>
                <Link className="vf-button vf-button--small" to="new">
                  Add your first item
                </Link>
              </>
            )}
          </div>
        )}
        {list.status === 'ok' && list.items.length > 0 && (
          <>
            <ul className="vb-grid">
              {list.items.map((item) => (
                <li key={item.id} className="vb-grid__cell">
                  <ItemCard
                    item={item}
                    busy={busyId === item.id}
                    onActualize={() =>
                      void act(
                        item,
                        () => actualizeItem(api, item.id ?? ''),
                        `“${item.name ?? ''}” is actualized. Well done!`,
                      )
                    }
                    onMoveBack={() =>
                      void act(
                        item,
                        () => moveBack(api, item.id ?? ''),
                        `“${item.name ?? ''}” is active again.`,
                      )
                    }
                    onDelete={() => {
                      setDeleteError(null);
                      setToDelete(item);
                    }}
                  />
                </li>
              ))}
            </ul>
            {list.more !== 'idle' && list.more !== 'loading' && (
              <ErrorNotice error={list.more} onRetry={list.loadMore} />
            )}
            {list.hasMore && (
              <div className="vb-more">
                <button
                  type="button"
                  className="vf-button vf-button--quiet"
                  disabled={list.more === 'loading'}
                  onClick={list.loadMore}
                >
                  {list.more === 'loading' ? 'Loading more…' : 'Show more'}
                </button>
              </div>
            )}
          </>
        )}
      </section>

      <Dialog
        open={!!toDelete}
        title="Delete this item?"
        onClose={() => !deleting && setToDelete(null)}
        actions={
          <>
            <button
              type="button"
              className="vf-button vf-button--quiet"
              disabled={deleting}
              onClick={() => setToDelete(null)}
            >
              Keep it
            </button>
            <button
              type="button"
              className="vf-button vb-danger"
              disabled={deleting}
              onClick={() => void confirmDelete()}
            >
              {deleting ? 'Deleting…' : 'Delete'}
            </button>
          </>
        }
      >
        <p>
          “{toDelete?.name}” and its picture will be removed from your board. This can’t be undone.
        </p>
        {deleteError && <ErrorNotice error={deleteError} onRetry={() => void confirmDelete()} />}
      </Dialog>
    </>
  );
}
