import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/useApi';
import { useFreshMediaLinks } from '../../api/useFreshMediaLinks';
import { usePagedList } from '../../api/usePagedList';
import { useRefreshedResource } from '../../api/useResource';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { LifeAreaSelect } from '../../ui/LifeAreas';
import { Loading } from '../../ui/Loading';
import { PagedListView } from '../../ui/PagedListView';
import { useConfirmedAction } from '../../ui/useConfirmedAction';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageHeader } from '../../ui/PageHeader';
import { deleteEntry, loadEntries, loadStats } from './api';
import { entryHeading, type JournalEntry } from './entry';
import { EntryCard } from './EntryCard';
import {
  filterErrors,
  filterWords,
  filtersFromSearch,
  filtersOfForm,
  filtersToSearch,
  formatDay,
  formOf,
  isFiltered,
  type FilterForm,
} from './filters';
import { streakWords, type JournalStats } from './streak';

function StreakSummary({ stats }: { stats: JournalStats }) {
  const words = streakWords(stats);
  return (
    <div className="jn-streak">
      <div className="jn-streak__main">
        <p className="jn-streak__figure">
          {words.current}
          <span className="vf-visually-hidden"> {words.currentUnit}</span>
        </p>
        <p className="jn-streak__unit" aria-hidden="true">
          {words.currentUnit}
        </p>
      </div>
      <div className="jn-streak__words">
        <p className="jn-streak__note">{words.note}</p>
        <p className="vf-card__note">
          {words.longest} · {words.total}
        </p>
      </div>
    </div>
  );
}

/** The journal: the streak, search and filters, and the entries, newest first. */
export function ListPage() {
  usePageTitle('Journal');
  const api = useApi();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const { q, from, to, category } = filters;

  // The form follows the address (back/forward, "Clear"), and applies to it on submit.
  const search = params.toString();
  const [formFor, setFormFor] = useState(search);
  const [form, setForm] = useState<FilterForm>(() => formOf(filters));
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  if (formFor !== search) {
    setFormFor(search);
    setForm(formOf(filters));
    setFormErrors({});
  }

  const list = usePagedList(
    (cursor, signal) => loadEntries(api, { q, from, to, category }, cursor, signal),
    [api, q, from, to, category],
  );
  // Photo and recording links expire: ask for the entries again when they are old.
  useFreshMediaLinks(list.status === 'ok' ? list.items : null, list.refresh);
  const stats = useRefreshedResource((signal) => loadStats(api, signal), [api]);
  const shownStats = stats.shown;

  const saved = (location.state as { saved?: string } | null)?.saved;
  const [message, setMessage] = useState('');
  const deletion = useConfirmedAction(async (entry: JournalEntry) => {
    if (!entry.id) return;
    await deleteEntry(api, entry.id);
    setMessage(`“${entryHeading(entry, formatDay(entry.date))}” was deleted.`);
    list.refresh();
    stats.refresh();
  });
  const toDelete = deletion.target;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const errors = filterErrors(form);
    setFormErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setParams(filtersToSearch(filtersOfForm(form)));
  };

  const edit = <K extends keyof FilterForm>(key: K, value: string) => {
    setForm((current) => ({ ...current, [key]: value }));
    if (formErrors[key]) setFormErrors({});
  };

  const filtered = isFiltered(filters);

  return (
    <>
      <PageHeader
        eyebrow="Journal"
        title="Your journal"
        lead="Write about your days, tag the life areas they touch, add photos and your voice."
        action={
          <Link className="vf-button" to="new">
            Write an entry
          </Link>
        }
      />

      <section className="vf-card jn-streak-card" aria-labelledby="jn-streak-title">
        <h2 className="vf-card__title" id="jn-streak-title">
          Your streak
        </h2>
        {stats.status === 'error' && !shownStats ? (
          <ErrorNotice error={stats.error} onRetry={stats.reload} />
        ) : shownStats ? (
          <StreakSummary stats={shownStats} />
        ) : (
          <Loading label="Counting your days…" />
        )}
      </section>

      <section className="jn-list" aria-labelledby="jn-list-title">
        <h2 id="jn-list-title">Entries</h2>
        <form
          className="jn-search"
          role="search"
          aria-label="Search your journal"
          onSubmit={apply}
          noValidate
        >
          <div className="vf-field jn-search__q">
            <label className="vf-label" htmlFor="jn-q">
              Search
            </label>
            <input
              id="jn-q"
              className="vf-input"
              type="search"
              value={form.q}
              onChange={(event) => edit('q', event.target.value)}
              {...fieldErrorProps('q', formErrors, 'jn-q-hint')}
            />
            <p className="vf-hint" id="jn-q-hint">
              Searches titles, text and your recordings’ transcripts. Words or "a phrase"; -word
              leaves it out.
            </p>
            <FieldError name="q" errors={formErrors} />
          </div>
          <div className="vf-field">
            <label className="vf-label" htmlFor="jn-from">
              From
            </label>
            <input
              id="jn-from"
              className="vf-input"
              type="date"
              value={form.from}
              onChange={(event) => edit('from', event.target.value)}
              {...fieldErrorProps('from', formErrors)}
            />
            <FieldError name="from" errors={formErrors} />
          </div>
          <div className="vf-field">
            <label className="vf-label" htmlFor="jn-to">
              To
            </label>
            <input
              id="jn-to"
              className="vf-input"
              type="date"
              value={form.to}
              onChange={(event) => edit('to', event.target.value)}
              {...fieldErrorProps('to', formErrors)}
            />
            <FieldError name="to" errors={formErrors} />
          </div>
          <div className="vf-field">
            <label className="vf-label" htmlFor="jn-category">
              Life area
            </label>
            <LifeAreaSelect
              id="jn-category"
              value={form.category}
              onChange={(value) => edit('category', value)}
            />
          </div>
          <div className="jn-search__actions">
            <button type="submit" className="vf-button">
              Search
            </button>
            {filtered && (
              <button
                type="button"
                className="vf-button vf-button--quiet"
                onClick={() => setParams({})}
              >
                Clear
              </button>
            )}
          </div>
        </form>

        <p className="vf-card__note">{filterWords(filters)}</p>
        <p className="jn-message" role="status">
          {message || saved || ''}
        </p>

        <PagedListView
          list={list}
          loadingLabel="Loading your entries…"
          empty={{
            filtered,
            noMatch: 'No entry matches this search.',
            clearLabel: 'Show all entries',
            onClear: () => setParams({}),
            nothingYet: 'Nothing written yet. A few lines a day is all it takes.',
            addLabel: 'Write your first entry',
          }}
          moreLabel="Show older"
          moreBusyLabel="Loading older entries…"
        >
          {(entries) => (
            <ol className="jn-entries vf-list">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <EntryCard entry={entry} onDelete={() => deletion.ask(entry)} />
                </li>
              ))}
            </ol>
          )}
        </PagedListView>
      </section>

      <ConfirmDialog
        action={deletion}
        title="Delete this entry?"
        confirmLabel="Delete"
        busyLabel="Deleting…"
      >
        <p>
          “{toDelete ? entryHeading(toDelete, formatDay(toDelete.date)) : ''}”, its photos and its
          recordings will be deleted. This can’t be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
