import { useEffect, useId, useState, type MouseEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  activateVision,
  completeVision,
  createVision,
  deleteVision,
  loadVision,
  type TaggedVision,
} from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { blankSectionsOf, completeErrorOf, deleteErrorOf } from './errors';
import {
  formatDuration,
  isBusy,
  narrationWords,
  sectionsToNarrate,
  type KeptUrl,
  type Track,
} from './narration';
import {
  completionPercentage,
  isWritten,
  MAX_TITLE_LENGTH,
  SECTION_KEYS,
  SECTION_LABELS,
  SECTION_PROMPTS,
  sectionInputId,
  sectionLabel,
  writtenCount,
  type SectionKey,
  type VisionFields,
} from './sections';
import { useAutosave } from './useAutosave';
import { useNarration } from './useNarration';
import { displayTitle, isComplete, versionLabel } from './versions';

function fieldLabel(key: string): string {
  return key === 'title' ? 'Title' : sectionLabel(key);
}

function focusSection(event: MouseEvent<HTMLAnchorElement>, key: string) {
  const input = document.getElementById(sectionInputId(key));
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.scrollIntoView({ block: 'center' });
}

function SectionLinks({ keys }: { keys: string[] }) {
  return (
    <ul className="vf-notice__list">
      {keys.map((key) => (
        <li key={key}>
          <a href={`#${sectionInputId(key)}`} onClick={(event) => focusSection(event, key)}>
            {fieldLabel(key)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function SectionNarration({
  sectionKey,
  written,
  track,
  playUrl,
  busyAction,
  onRegenerate,
  onRetry,
  onPlayError,
}: {
  sectionKey: SectionKey;
  written: boolean;
  track: Track | undefined;
  playUrl: KeptUrl | undefined;
  busyAction: string | null;
  onRegenerate: (key: SectionKey, force: boolean) => void;
  onRetry: (track: Track, key: SectionKey) => void;
  onPlayError: () => void;
}) {
  const words = narrationWords(track, written);
  const label = SECTION_LABELS[sectionKey];
  const busy = isBusy(track);
  const working = busyAction === `section:${sectionKey}`;
  return (
    <div className="lv-narration" data-section={sectionKey}>
      <p className="lv-narration__status">
        <span className={`lv-pill lv-pill--${words.tone}`}>
          <span className="vf-visually-hidden">Narration: </span>
          {words.label}
        </span>{' '}
        <span className="lv-narration__detail">{words.detail}</span>
      </p>
      {playUrl && (
        <audio
          key={playUrl.url}
          className="lv-audio"
          controls
          preload="metadata"
          src={playUrl.url}
          aria-label={`Narration of ${label}`}
          onError={onPlayError}
        />
      )}
      <div className="lv-narration__actions">
        {track?.status === 'failed' && track.id ? (
          <button
            type="button"
            className="vf-button vf-button--quiet vf-button--small"
            disabled={working}
            onClick={() => onRetry(track, sectionKey)}
          >
            {working ? 'Retrying…' : 'Retry narration'}
            <span className="vf-visually-hidden"> of {label}</span>
          </button>
        ) : (
          <button
            type="button"
            className="vf-button vf-button--quiet vf-button--small"
            disabled={!written || busy || working}
            onClick={() =>
              onRegenerate(sectionKey, track?.status === 'completed' && track.current !== false)
            }
          >
            {working ? 'Asking…' : 'Regenerate'}
            <span className="vf-visually-hidden"> narration of {label}</span>
          </button>
        )}
      </div>
    </div>
  );
}

interface NarrationApi {
  active: boolean;
  tracks: Track[] | null | undefined;
  bySection: Partial<Record<SectionKey, Track>>;
  playUrls: Partial<Record<SectionKey, KeptUrl>>;
  loadError: UiError | null;
  actionError: UiError | null;
  busyAction: string | null;
  regenerate: (sections: SectionKey[] | undefined, force: boolean, what: string) => Promise<void>;
  reload: () => void;
}

function NarrationSummary({
  narration,
  texts,
  complete,
  onNarrateAll,
}: {
  narration: NarrationApi;
  texts: VisionFields;
  complete: boolean;
  onNarrateAll: () => void;
}) {
  const written = sectionsToNarrate(texts);
  const tracks = narration.tracks ?? [];
  const done = tracks.filter((t) => t.status === 'completed' && t.current !== false).length;
  const working = tracks.filter(isBusy).length;
  const failed = tracks.filter((t) => t.status === 'failed').length;
  const total = tracks.reduce(
    (sum, t) => sum + (t.status === 'completed' ? (t.duration_seconds ?? 0) : 0),
    0,
  );
  const busy = narration.busyAction === 'all';

  let summary: string;
  if (!narration.active) {
    summary = complete
      ? 'No narration yet.'
      : 'Narration starts when you mark this version complete: each written section is read aloud for you. You can also narrate this draft now.';
  } else if (narration.tracks === undefined) {
    summary = 'Checking narration…';
  } else if (narration.tracks === null || tracks.length === 0) {
    summary = complete ? 'Narration is about to start.' : 'No narration yet.';
  } else {
    const parts = [`${done} of ${written.length} written sections narrated`];
    if (working > 0) parts.push(`${working} in progress`);
    if (failed > 0) parts.push(`${failed} failed`);
    summary = `${parts.join(', ')}.${total > 0 ? ` Listening time ${formatDuration(total)}.` : ''}`;
  }

  return (
    <section className="vf-card lv-narration-card" aria-labelledby="lv-narration-title">
      <h2 id="lv-narration-title" className="vf-card__title">
        Narration
      </h2>
      <p role="status" aria-live="polite" className="lv-narration-card__summary">
        {summary}
      </p>
      {narration.loadError && (
        <ErrorNotice error={narration.loadError} onRetry={narration.reload} className="lv-gap" />
      )}
      {narration.actionError && <ErrorNotice error={narration.actionError} className="lv-gap" />}
      <button
        type="button"
        className="vf-button vf-button--quiet vf-button--small"
        disabled={written.length === 0 || busy}
        onClick={onNarrateAll}
      >
        {busy
          ? 'Asking…'
          : narration.active
            ? 'Narrate all written sections'
            : 'Narrate this draft now'}
      </button>
    </section>
  );
}

function Editor({ initial }: { initial: TaggedVision }) {
  const api = useApi();
  const navigate = useNavigate();
  const id = initial.vision.id ?? '';
  const autosave = useAutosave(api, initial);
  const { state, vision, status } = autosave;
  const local = state.local;
  const complete = isComplete(vision);
  usePageTitle(`${displayTitle({ title: local.title })} · Life Vision`);

  const narration = useNarration(
    api,
    id,
    complete || Boolean(vision.last_audio_generated_at),
    local,
  );
  const { watch } = narration;
  const { onSaved } = autosave;

  // Activation is not an edit (the ETag stays), so the autosaved copy does not learn of it.
  const [activatedHere, setActivatedHere] = useState(false);
  const [activating, setActivating] = useState(false);
  const active = complete && (Boolean(vision.is_active) || activatedHere);
  const [completing, setCompleting] = useState(false);
  const [completeError, setCompleteError] = useState<UiError | null>(null);
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [copying, setCopying] = useState(false);
  const titleId = useId();

  // A saved change to a complete version: its changed sections are narrated again. Saving never
  // changes which version is active.
  useEffect(
    () =>
      onSaved((saved) => {
        if (isComplete(saved)) watch();
      }),
    [onSaved, watch],
  );

  const blankErrors: Record<string, string> = {};
  for (const [key, message] of Object.entries(completeError?.fieldErrors ?? {})) {
    if (!isWritten(local[key as SectionKey])) blankErrors[key] = message;
  }
  const errors = { ...blankErrors, ...autosave.fieldErrors };
  const stillBlank = blankSectionsOf(completeError).filter(
    (key) => !isWritten(local[key as SectionKey]),
  );

  const activate = async () => {
    setActivating(true);
    setActionError(null);
    try {
      await activateVision(api, id);
      setActivatedHere(true);
      setAnnouncement('This is your active vision again: narration and VIVA use it.');
    } catch (error) {
      setActionError(toUiError(error));
    } finally {
      setActivating(false);
    }
  };

  const markComplete = async () => {
    setCompleting(true);
    setCompleteError(null);
    const saved = await autosave.flush();
    if (!saved) {
      setCompleting(false);
      setCompleteError({
        kind: 'other',
        title: 'Not complete yet',
        message: 'Your latest changes are not saved yet. Resolve the save problem, then try again.',
        fieldErrors: {},
        retryable: false,
      });
      return;
    }
    try {
      await autosave.exclusive(() => completeVision(api, id));
      setActivatedHere(true);
      setAnnouncement('This version is complete. Narration of your sections starts now.');
      watch();
    } catch (error) {
      setCompleteError(completeErrorOf(toUiError(error)));
    } finally {
      setCompleting(false);
    }
  };

  const copy = async () => {
    setCopying(true);
    setActionError(null);
    await autosave.flush();
    try {
      const created = await createVision(api, { copy_from: id });
      navigate(`/life-vision/${created.vision.id}`);
    } catch (error) {
      setActionError(toUiError(error));
      setCopying(false);
    }
  };

  const remove = async () => {
    setDeleting(true);
    setActionError(null);
    autosave.hold(true);
    try {
      await deleteVision(api, id);
      navigate('/life-vision', {
        state: { deleted: `${displayTitle({ title: local.title })} was deleted.` },
      });
    } catch (error) {
      autosave.hold(false);
      setActionError(deleteErrorOf(toUiError(error)));
      setDeleting(false);
      setConfirmDelete(false);
    }
  };

  const narrateAll = () => {
    void (async () => {
      await autosave.flush();
      await narration.regenerate(sectionsToNarrate(local), false, 'all');
    })();
  };

  const regenerateSection = (key: SectionKey, force: boolean) => {
    void (async () => {
      await autosave.flush();
      await narration.regenerate([key], force, `section:${key}`);
    })();
  };

  const written = writtenCount(local);
  const percent = completionPercentage(local);
  const choice = autosave.conflictChoice;

  return (
    <>
      <p className="lv-back">
        <Link to="/life-vision">
          <span aria-hidden="true">← </span>All versions
        </Link>
      </p>
      <header className="vf-page-header lv-editor-header">
        <p className="vf-eyebrow">
          Life Vision · {versionLabel(vision)}
          {vision.created_at ? ` · started ${formatDate(vision.created_at)}` : ''}
        </p>
        <h1>{displayTitle({ title: local.title })}</h1>
        <div className="lv-editor-header__state">
          <span className={`lv-badge lv-badge--${complete ? 'complete' : 'draft'}`}>
            {complete ? 'Complete' : 'Draft'}
          </span>
          {active && <span className="lv-badge lv-badge--active">Active</span>}
          <p className={`lv-save lv-save--${status.kind}`} role="status" aria-live="polite">
            {status.text}
          </p>
          {status.kind === 'failed' && autosave.state.failure?.retryable && (
            <button
              type="button"
              className="vf-button vf-button--quiet vf-button--small"
              onClick={autosave.retry}
            >
              Try saving again
            </button>
          )}
        </div>
      </header>

      <p className="lv-live" role="status" aria-live="polite">
        {announcement}
      </p>

      {autosave.state.stale && (
        <div className="vf-notice vf-notice--warning lv-conflict lv-gap" role="alert">
          <div className="vf-notice__body">
            <p className="vf-notice__title">This version was changed elsewhere</p>
            <p className="vf-notice__text">
              A newer version was saved (perhaps in another tab) while you were writing. Your text
              is still here; nothing more is saved until you choose.
            </p>
            {choice && choice.conflicts.length > 0 && (
              <p className="vf-notice__text">
                Changed on both sides: {choice.conflicts.map(fieldLabel).join(', ')}.
              </p>
            )}
            {choice && (
              <ul className="vf-notice__list">
                <li>
                  <strong>Reload theirs</strong>:{' '}
                  {choice.reloadTheirs.discarded.length > 0
                    ? `shows the saved version and drops your changes to ${choice.reloadTheirs.discarded.map(fieldLabel).join(', ')}.`
                    : 'shows the saved version; none of your changes are lost.'}
                </li>
                <li>
                  <strong>Keep mine</strong>:{' '}
                  {choice.keepMine.overwrites.length > 0
                    ? `saves your text, replacing their changes to ${choice.keepMine.overwrites.map(fieldLabel).join(', ')}; their other changes stay.`
                    : 'saves your changes on top of theirs; nothing of theirs is lost.'}
                </li>
              </ul>
            )}
            {!choice && !autosave.conflictError && <Loading label="Loading the saved version…" />}
          </div>
          {choice && (
            <div className="lv-actions">
              <button
                type="button"
                className="vf-button vf-button--quiet vf-button--small"
                onClick={autosave.reloadTheirs}
              >
                Reload theirs
              </button>
              <button
                type="button"
                className="vf-button vf-button--small"
                onClick={autosave.keepMine}
              >
                Keep mine
              </button>
            </div>
          )}
        </div>
      )}
      {autosave.conflictError && (
        <ErrorNotice
          error={autosave.conflictError}
          onRetry={() => void autosave.retryConflict()}
          className="lv-gap"
        />
      )}

      <div className="lv-editor">
        <aside className="lv-editor__side">
          <section className="vf-card lv-progress-card" aria-labelledby="lv-progress-title">
            <h2 id="lv-progress-title" className="vf-card__title">
              Progress
            </h2>
            <p className="vf-card__figure">{percent}%</p>
            <progress
              className="vf-progress"
              max={100}
              value={percent}
              aria-label={`${percent}% written`}
            />
            <p className="vf-card__note">
              {written} of {SECTION_KEYS.length} sections written.
              {complete ? '' : ' All 12 life categories are needed to complete it.'}
            </p>
            {!complete && (
              <button
                type="button"
                className="vf-button lv-full"
                disabled={completing || autosave.state.stale}
                onClick={() => void markComplete()}
              >
                {completing ? 'Completing…' : 'Mark complete'}
              </button>
            )}
            {complete && !active && (
              <>
                <p className="vf-card__note">
                  An earlier complete version. Narration and VIVA use your active vision; make this
                  one active to bring it back.
                </p>
                <button
                  type="button"
                  className="vf-button vf-button--small lv-full"
                  disabled={activating}
                  onClick={() => void activate()}
                >
                  {activating ? 'Making it active…' : 'Make this version active'}
                </button>
              </>
            )}
            {complete && (
              <p className="vf-card__note">
                Complete versions are kept as your history; changes are narrated again.
              </p>
            )}
            <div className="lv-actions lv-actions--stack">
              <button
                type="button"
                className="vf-button vf-button--quiet vf-button--small"
                disabled={copying}
                onClick={() => void copy()}
              >
                {copying ? 'Copying…' : 'Copy into a new draft'}
              </button>
              {!complete && (
                <button
                  type="button"
                  className="vf-button vf-button--quiet vf-button--small"
                  onClick={() => setConfirmDelete(true)}
                >
                  Delete draft
                </button>
              )}
            </div>
          </section>

          <NarrationSummary
            narration={narration}
            texts={local}
            complete={complete}
            onNarrateAll={narrateAll}
          />

          <nav className="vf-card lv-toc" aria-label="Sections">
            <h2 className="vf-card__title">Sections</h2>
            <p className="vf-card__note">
              {written} of {SECTION_KEYS.length} written
            </p>
            <ol className="lv-toc__list">
              {SECTION_KEYS.map((key) => (
                <li key={key}>
                  <a
                    href={`#${sectionInputId(key)}`}
                    onClick={(event) => focusSection(event, key)}
                    className="lv-toc__link"
                  >
                    <span
                      className={`lv-dot${isWritten(local[key]) ? ' lv-dot--done' : ''}`}
                      aria-hidden="true"
                    />
                    {SECTION_LABELS[key]}
                    <span className="vf-visually-hidden">
                      {isWritten(local[key]) ? ' (written)' : ' (not written yet)'}
                    </span>
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        </aside>

        <div className="lv-editor__main">
          {completeError && stillBlank.length > 0 && (
            <div className="vf-notice vf-notice--warning lv-gap" role="alert">
              <div className="vf-notice__body">
                <p className="vf-notice__title">{completeError.title}</p>
                <p className="vf-notice__text">
                  A vision is complete when all 12 life categories are written. Still blank:
                </p>
                <SectionLinks keys={stillBlank} />
              </div>
            </div>
          )}
          {completeError && blankSectionsOf(completeError).length === 0 && (
            <ErrorNotice error={completeError} className="lv-gap" />
          )}
          {actionError && <ErrorNotice error={actionError} className="lv-gap" />}

          <div className="vf-card lv-title-card">
            <div className="vf-field lv-field--flush">
              <label className="vf-label" htmlFor={titleId}>
                Title
              </label>
              <input
                id={titleId}
                name="title"
                className="vf-input"
                value={local.title}
                maxLength={MAX_TITLE_LENGTH}
                onChange={(event) => autosave.setField('title', event.target.value)}
                {...fieldErrorProps('title', errors)}
              />
              <FieldError name="title" errors={errors} />
            </div>
          </div>

          {SECTION_KEYS.map((key) => (
            <SectionField
              key={key}
              sectionKey={key}
              value={local[key]}
              errors={errors}
              onChange={(value) => autosave.setField(key, value)}
            >
              {(narration.active || narration.bySection[key]) && (
                <SectionNarration
                  sectionKey={key}
                  written={isWritten(local[key])}
                  track={narration.bySection[key]}
                  playUrl={narration.playUrls[key]}
                  busyAction={narration.busyAction}
                  onRegenerate={regenerateSection}
                  onRetry={(track, section) => {
                    if (track.id) void narration.retry(track.id, `section:${section}`);
                  }}
                  onPlayError={narration.refreshUrls}
                />
              )}
            </SectionField>
          ))}
        </div>
      </div>

      <ConfirmDialog
        open={confirmDelete}
        title="Delete this draft?"
        confirmLabel="Delete draft"
        busy={deleting}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>
          {displayTitle({ title: local.title })} ({versionLabel(vision)}) and everything written in
          it will be deleted. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

function SectionField({
  sectionKey,
  value,
  errors,
  onChange,
  children,
}: {
  sectionKey: SectionKey;
  value: string;
  errors: Record<string, string>;
  onChange: (value: string) => void;
  children?: ReactNode;
}) {
  const inputId = sectionInputId(sectionKey);
  const hintId = `${inputId}-hint`;
  const written = isWritten(value);
  const optional = sectionKey === 'forward' || sectionKey === 'conclusion';
  return (
    <section className="vf-card lv-section" aria-labelledby={`${inputId}-label`}>
      <div className="lv-section__head">
        <h2 className="lv-section__title" id={`${inputId}-label`}>
          <label htmlFor={inputId}>{SECTION_LABELS[sectionKey]}</label>
        </h2>
        <span className={`lv-check${written ? ' lv-check--done' : ''}`}>
          <span aria-hidden="true">{written ? '✓ ' : '○ '}</span>
          {written ? 'Written' : 'Not written yet'}
        </span>
      </div>
      <p id={hintId} className="lv-section__prompt">
        {SECTION_PROMPTS[sectionKey]}
        {optional ? ' (Optional to complete.)' : ''}
      </p>
      <textarea
        id={inputId}
        name={sectionKey}
        className="vf-textarea lv-textarea"
        rows={5}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...fieldErrorProps(sectionKey, errors, hintId)}
      />
      <FieldError name={sectionKey} errors={errors} />
      {children}
    </section>
  );
}

function PageTitle({ title }: { title: string }) {
  usePageTitle(title);
  return null;
}

export function EditorPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const vision = useResource((signal) => loadVision(api, id, signal), [api, id]);

  if (vision.status === 'loading') {
    return (
      <>
        <PageTitle title="Life Vision" />
        <Loading label="Opening your vision…" />
      </>
    );
  }
  if (vision.status === 'error') {
    return (
      <>
        <PageTitle title="Life Vision" />
        <p className="lv-back">
          <Link to="/life-vision">
            <span aria-hidden="true">← </span>All versions
          </Link>
        </p>
        <h1>Life Vision</h1>
        <ErrorNotice
          error={
            vision.error.kind === 'not-found'
              ? {
                  ...vision.error,
                  title: 'Version not found',
                  message:
                    "This version of your vision doesn't exist, or it was deleted. Your other versions are in the list.",
                }
              : vision.error
          }
          onRetry={vision.reload}
        />
      </>
    );
  }
  return <Editor key={vision.data.vision.id} initial={vision.data} />;
}
