import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Schemas } from '../../api/client';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useMorePages } from '../../api/useMorePages';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { formatDate, formatNumber } from '../../ui/format';
import { CATEGORY_LABELS, categoryLabel, LIFE_CATEGORIES } from '../../ui/lifeCategories';
import { Loading } from '../../ui/Loading';
import { MorePagesFoot } from '../../ui/MorePagesFoot';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageHeader } from '../../ui/PageHeader';
import { listThreads, startThread, type Thread } from './api';
import { MODE_HINTS, MODE_LABELS, MODES, modeLabel, threadTitle, type Mode } from './wording';

function StartForm() {
  const api = useApi();
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('coach');
  const [category, setCategory] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const thread = await startThread(api, {
        mode,
        category: (category || undefined) as Schemas['LifeCategory'] | undefined,
      });
      navigate(`/viva/${thread.id}`);
    } catch (failure) {
      setError(toUiError(failure, navigator.onLine));
      setBusy(false);
    }
  };

  const fields = error?.fieldErrors;
  const formProblem = error && !fields?.mode && !fields?.category ? error : null;

  return (
    <form className="vf-card viva-start" onSubmit={(event) => void onSubmit(event)}>
      <h2 className="vf-card__title">Start a conversation</h2>
      <fieldset className="viva-modes" {...fieldErrorProps('mode', fields)}>
        <legend className="vf-label">What would you like to work on?</legend>
        {MODES.map((key) => (
          <label key={key} className="viva-mode">
            <input
              type="radio"
              name="mode"
              value={key}
              checked={mode === key}
              onChange={() => setMode(key)}
            />
            <span className="viva-mode__text">
              <span className="viva-mode__name">{MODE_LABELS[key]}</span>
              <span className="viva-mode__hint">{MODE_HINTS[key]}</span>
            </span>
          </label>
        ))}
        <FieldError name="mode" errors={fields} />
      </fieldset>
      <div className="vf-field">
        <label className="vf-label" htmlFor="viva-category">
          Life area (optional)
        </label>
        <select
          id="viva-category"
          className="vf-select"
          value={category}
          onChange={(event) => setCategory(event.target.value)}
          {...fieldErrorProps('category', fields)}
        >
          <option value="">Any area</option>
          {LIFE_CATEGORIES.map((key) => (
            <option key={key} value={key}>
              {CATEGORY_LABELS[key]}
            </option>
          ))}
        </select>
        <FieldError name="category" errors={fields} />
      </div>
      {formProblem && <ErrorNotice error={formProblem} className="viva-gap" />}
      <button type="submit" className="vf-button" disabled={busy}>
        {busy ? 'Starting…' : 'Start conversation'}
      </button>
    </form>
  );
}

function ThreadItem({ thread }: { thread: Thread }) {
  const count = thread.message_count ?? 0;
  const when = thread.last_message_at ?? thread.created_at;
  return (
    <li className="viva-thread vf-panel">
      <Link className="viva-thread__title" to={`/viva/${thread.id}`}>
        {threadTitle(thread)}
      </Link>
      <p className="viva-thread__meta">
        {modeLabel(thread.mode)}
        {thread.category ? ` · ${categoryLabel(thread.category)}` : ''} ·{' '}
        {count === 0 ? 'no messages yet' : `${formatNumber(count)} messages`}
        {when ? ` · ${formatDate(when)}` : ''}
      </p>
    </li>
  );
}

function ThreadList() {
  const api = useApi();
  const pages = useMorePages((cursor, signal) => listThreads(api, cursor, signal), [api]);
  const { first } = pages;

  if (first.status === 'loading') return <Loading label="Loading your conversations…" />;
  if (first.status === 'error') return <ErrorNotice error={first.error} onRetry={first.reload} />;
  if (pages.items.length === 0) {
    return <p className="viva-empty">No conversations yet. Start one to talk with VIVA.</p>;
  }
  return (
    <>
      <ul className="viva-threads vf-list">
        {pages.items.map((thread) => (
          <ThreadItem key={thread.id} thread={thread} />
        ))}
      </ul>
      <MorePagesFoot pages={pages} label="Show older conversations" className="viva-gap" />
    </>
  );
}

export function ThreadsPage() {
  usePageTitle('VIVA');
  return (
    <>
      <PageHeader
        eyebrow="VIVA"
        title="Your vision coach"
        lead="Talk with VIVA about your Life Vision and your next steps. Its replies draw on your profile, your vision and your latest assessment."
      />
      <div className="viva-home">
        <StartForm />
        <section className="viva-home__list" aria-labelledby="viva-threads-heading">
          <h2 id="viva-threads-heading">Your conversations</h2>
          <ThreadList />
        </section>
      </div>
    </>
  );
}
