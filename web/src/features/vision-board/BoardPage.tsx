import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useFreshMediaLinks } from '../../api/useFreshMediaLinks';
import { usePagedList } from '../../api/usePagedList';
import { useRefreshedResource } from '../../api/useResource';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LifeAreaSelect } from '../../ui/LifeAreas';
import { LIFE_CATEGORIES } from '../../ui/lifeCategories';
import { Loading } from '../../ui/Loading';
import { PagedListView } from '../../ui/PagedListView';
import { useConfirmedAction } from '../../ui/useConfirmedAction';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageHeader } from '../../ui/PageHeader';
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
  // Picture links expire: ask for the items again when they are old.
  useFreshMediaLinks(list.status === 'ok' ? list.items : null, list.refresh);
  // The last counts stay on screen while new ones load after a change.
  const stats = useRefreshedResource((signal) => loadStats(api, signal), [api]);
  const shownStats = stats.shown;

  const saved = (location.state as { saved?: string } | null)?.saved;
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState<{ error: UiError; retry: () => void } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const setFilters = (next: BoardFilters) => setParams(filtersToSearch(next), { replace: true });

  const changed = () => {
    list.refresh();
    stats.refresh();
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

  const deletion = useConfirmedAction(async (item: BoardItem) => {
    if (!item.id) return;
    await deleteItem(api, item.id);
    setMessage(`“${item.name ?? ''}” was removed from your board.`);
    changed();
  });

  const { counts, total } = statusCounts(shownStats);
  const filtered = !!(status || category);

  return (
    <>
      <PageHeader
        eyebrow="Vision board"
        title="What you are creating"
        lead="Pin the things you are bringing into your life, with a picture, and mark them actualized when they come true."
        action={
          <Link className="vf-button" to="new">
            Add an item
          </Link>
        }
      />

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
                className="vb-summary__item vf-choice"
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
                  className={`vb-summary__item vb-summary__item--${entry.status} vf-choice`}
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
              <LifeAreaSelect
                id="vb-filter-category"
                value={category ?? ''}
                onChange={(value) => {
                  const next = LIFE_CATEGORIES.find((c) => c === value);
                  setFilters({ status, ...(next ? { category: next } : {}) });
                }}
              />
            </div>
          </div>
        </div>

        <p className="vb-message" role="status">
          {message || saved || ''}
        </p>
        {failed && <ErrorNotice error={failed.error} onRetry={failed.retry} />}

        <PagedListView
          list={list}
          loadingLabel="Loading your board…"
          empty={{
            filtered,
            noMatch: 'Nothing on your board matches these filters.',
            clearLabel: 'Show every item',
            onClear: () => setFilters({}),
            nothingYet:
              'Your board is empty. Pin the first thing you are creating: a place, a feeling, a thing.',
            addLabel: 'Add your first item',
          }}
          moreLabel="Show more"
          moreBusyLabel="Loading more…"
        >
          {(items) => (
            <ul className="vb-grid">
              {items.map((item) => (
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
                    onDelete={() => deletion.ask(item)}
                  />
                </li>
              ))}
            </ul>
          )}
        </PagedListView>
      </section>

      <ConfirmDialog
        action={deletion}
        title="Delete this item?"
        confirmLabel="Delete"
        busyLabel="Deleting…"
      >
        <p>
          “{deletion.target?.name}” and its picture will be removed from your board. This can’t be
          undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
