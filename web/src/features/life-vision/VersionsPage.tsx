import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageHeader } from '../../ui/PageHeader';
import { activateVision, createVision, deleteVision, loadVersions } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { deleteErrorOf } from './errors';
import { MAX_TITLE_LENGTH } from './sections';
import {
  activeVersionId,
  displayTitle,
  isComplete,
  ROLE_LABELS,
  suggestedTitle,
  versionLabel,
  versionRole,
  type Vision,
} from './versions';

function NewVersionForm({ versions }: { versions: Vision[] }) {
  const api = useApi();
  const navigate = useNavigate();
  const inputId = useId();
  const [title, setTitle] = useState(() => suggestedTitle(versions));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await createVision(api, { title: title.trim() });
      navigate(`/life-vision/${created.vision.id}`);
    } catch (failure) {
      setError(toUiError(failure));
      setBusy(false);
    }
  };

  return (
    <section className="vf-card lv-new" aria-labelledby="lv-new-title">
      <h2 id="lv-new-title" className="vf-card__title">
        Start a new version
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="vf-field">
          <label className="vf-label" htmlFor={inputId}>
            Title
          </label>
          <input
            id={inputId}
            name="title"
            className="vf-input"
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            onChange={(event) => setTitle(event.target.value)}
            {...fieldErrorProps('title', error?.fieldErrors)}
          />
          <FieldError name="title" errors={error?.fieldErrors} />
        </div>
        {error && Object.keys(error.fieldErrors).length === 0 && (
          <ErrorNotice error={error} onRetry={() => setError(null)} className="lv-gap" />
        )}
        <button type="submit" className="vf-button" disabled={busy}>
          {busy ? 'Starting…' : 'Start writing'}
        </button>
      </form>
    </section>
  );
}

function VersionItem({
  vision,
  activeId,
  onCopy,
  onDelete,
  onActivate,
  copying,
  activating,
}: {
  vision: Vision;
  activeId: string | undefined;
  onCopy: (vision: Vision) => void;
  onDelete: (vision: Vision) => void;
  onActivate: (vision: Vision) => void;
  copying: boolean;
  activating: boolean;
}) {
  const role = versionRole(vision, activeId);
  const headingId = useId();
  const completion = Math.max(0, Math.min(100, vision.completion_percentage ?? 0));
  return (
    <li className="vf-card lv-version">
      <div className="lv-version__head">
        <h3 id={headingId} className="lv-version__title">
          <Link to={`/life-vision/${vision.id}`}>{displayTitle(vision)}</Link>
        </h3>
        <span className={`lv-badge lv-badge--${role}`}>{ROLE_LABELS[role]}</span>
      </div>
      <p className="vf-card__note lv-version__meta">
        {versionLabel(vision)} · {completion}% written
        {vision.updated_at ? ` · updated ${formatDate(vision.updated_at)}` : ''}
      </p>
      <progress
        className="vf-progress"
        max={100}
        value={completion}
        aria-label={`${displayTitle(vision)}: ${completion}% written`}
      />
      <div className="lv-actions">
        <Link className="vf-button vf-button--small" to={`/life-vision/${vision.id}`}>
          {isComplete(vision) ? 'Open' : 'Continue writing'}
          <span className="vf-visually-hidden">: {displayTitle(vision)}</span>
        </Link>
        <button
          type="button"
          className="vf-button vf-button--quiet vf-button--small"
          onClick={() => onCopy(vision)}
          disabled={copying}
        >
          Copy into a new draft
          <span className="vf-visually-hidden">: {displayTitle(vision)}</span>
        </button>
        {role === 'complete' && (
          <button
            type="button"
            className="vf-button vf-button--quiet vf-button--small"
            onClick={() => onActivate(vision)}
            disabled={activating}
          >
            Make active
            <span className="vf-visually-hidden">: {displayTitle(vision)}</span>
          </button>
        )}
        {!isComplete(vision) && (
          <button
            type="button"
            className="vf-button vf-button--quiet vf-button--small"
            onClick={() => onDelete(vision)}
          >
            Delete draft
            <span className="vf-visually-hidden">: {displayTitle(vision)}</span>
          </button>
        )}
      </div>
    </li>
  );
}

export function VersionsPage() {
  usePageTitle('Life Vision');
  const api = useApi();
  const navigate = useNavigate();
  const versions = useResource((signal) => loadVersions(api, signal), [api]);
  const [copying, setCopying] = useState(false);
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [toDelete, setToDelete] = useState<Vision | null>(null);
  const [deleting, setDeleting] = useState(false);
  const location = useLocation();
  // A draft deleted from the editor comes back here with a note of it; so does an activation.
  const [notice, setNotice] = useState<string | null>(
    () => (location.state as { deleted?: string } | null)?.deleted ?? null,
  );

  const copy = async (source: Vision) => {
    setCopying(true);
    setActionError(null);
    try {
      const created = await createVision(api, { copy_from: source.id });
      navigate(`/life-vision/${created.vision.id}`);
    } catch (error) {
      setActionError(toUiError(error));
      setCopying(false);
    }
  };

  const [activating, setActivating] = useState(false);
  const activate = async (vision: Vision) => {
    if (!vision.id) return;
    setActivating(true);
    setActionError(null);
    try {
      await activateVision(api, vision.id);
      setNotice(
        `${displayTitle(vision)} (${versionLabel(vision)}) is your active vision again: narration and VIVA use it.`,
      );
      versions.reload();
    } catch (error) {
      setActionError(toUiError(error));
      versions.reload();
    } finally {
      setActivating(false);
    }
  };

  const remove = async () => {
    if (!toDelete?.id) return;
    setDeleting(true);
    setActionError(null);
    try {
      await deleteVision(api, toDelete.id);
      setNotice(`${displayTitle(toDelete)} (${versionLabel(toDelete)}) was deleted.`);
      versions.reload();
    } catch (error) {
      setActionError(deleteErrorOf(toUiError(error)));
      versions.reload();
    } finally {
      setDeleting(false);
      setToDelete(null);
    }
  };

  const list = versions.status === 'ok' ? versions.data : [];
  const activeId = activeVersionId(list);

  return (
    <>
      <PageHeader
        eyebrow="Life Vision"
        title="Your Life Vision"
        lead="The life you choose, in your own words: a forward, the 12 life categories and a conclusion. Each version is kept, so you can see how your vision grows."
      />

      <div role="status" aria-live="polite">
        {notice && (
          <p className="vf-notice vf-notice--info lv-gap">
            <span className="vf-notice__text">{notice}</span>
          </p>
        )}
      </div>
      {actionError && (
        <ErrorNotice error={actionError} onRetry={() => setActionError(null)} className="lv-gap" />
      )}

      <div className="lv-versions">
        <section aria-labelledby="lv-versions-title" className="lv-versions__list">
          <h2 id="lv-versions-title">Your versions</h2>
          {versions.status === 'loading' && <Loading label="Loading your versions…" />}
          {versions.status === 'error' && (
            <ErrorNotice error={versions.error} onRetry={versions.reload} />
          )}
          {versions.status === 'ok' && list.length === 0 && (
            <p className="lv-empty">
              You haven't written a Life Vision yet. Start your first version: a few words in one
              category are enough to begin, and everything saves as you type.
            </p>
          )}
          {versions.status === 'ok' && list.length > 0 && (
            <>
              <p className="vf-card__note">
                Newest first. Your active vision is the one you completed last, or the complete
                version you made active again; narration and VIVA use it.
              </p>
              <ul className="lv-version-list vf-list">
                {list.map((vision) => (
                  <VersionItem
                    key={vision.id}
                    vision={vision}
                    activeId={activeId}
                    onCopy={(source) => void copy(source)}
                    onDelete={setToDelete}
                    onActivate={(vision) => void activate(vision)}
                    copying={copying}
                    activating={activating}
                  />
                ))}
              </ul>
            </>
          )}
        </section>
        {versions.status === 'ok' && <NewVersionForm versions={list} />}
      </div>

      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this draft?"
        confirmLabel="Delete draft"
        busy={deleting}
        onConfirm={() => void remove()}
        onCancel={() => setToDelete(null)}
      >
        <p>
          {toDelete ? `${displayTitle(toDelete)} (${versionLabel(toDelete)})` : 'This draft'} and
          everything written in it will be deleted. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
