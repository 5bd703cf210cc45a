import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { StaleEditDialog } from '../../ui/StaleEditDialog';
import { usePageTitle } from '../../ui/usePageTitle';
import { commitDraft, loadVersion, type TaggedVersion } from './api';
import { saveStatus, STATUS_TEXT, unsavedFields } from './draft';
import { fieldLabel, inputId, SECTIONS } from './fields';
import { PhotoField } from './PhotoField';
import { ProfileField } from './ProfileField';
import { useDraft } from './useDraft';
import { stateOf, versionTitle } from './versions';
import { Completion } from './Completion';

export function DraftEditor() {
  usePageTitle('Edit your profile');
  const { id = '' } = useParams();
  const api = useApi();
  const loaded = useResource((signal) => loadVersion(api, id, signal), [api, id]);

  return (
    <>
      <header className="vf-page-header">
        <p className="vf-eyebrow">Profile draft</p>
        <h1>Edit your profile</h1>
        <p className="vf-page-header__lead">
          Your changes are saved in this draft as you type. Nothing changes for VIVA or your
          assessment until you commit it.
        </p>
      </header>
      {loaded.status === 'loading' && <Loading label="Loading your draft…" />}
      {loaded.status === 'error' && (
        <>
          <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
          <p className="pf-gap-top">
            <Link to="/profile">Back to your profile</Link>
          </p>
        </>
      )}
      {loaded.status === 'ok' &&
        (stateOf(loaded.data.version) === 'draft' ? (
          <Editor key={loaded.data.version.id} initial={loaded.data} />
        ) : (
          <div className="vf-notice vf-notice--info">
            <p className="vf-notice__text">
              {versionTitle(loaded.data.version)} is no longer a draft.{' '}
              <Link to={`/profile/versions/${id}`}>See this version</Link> or{' '}
              <Link to="/profile">go back to your profile</Link>.
            </p>
          </div>
        ))}
    </>
  );
}

function Editor({ initial }: { initial: TaggedVersion }) {
  const api = useApi();
  const navigate = useNavigate();
  const draft = useDraft(api, initial);
  const [committing, setCommitting] = useState(false);
  const [commitError, setCommitError] = useState<UiError | null>(null);
  const errors = draft.state.fieldErrors;

  const commit = async () => {
    setCommitting(true);
    setCommitError(null);
    try {
      await draft.flush();
      const state = draft.current();
      const status = saveStatus(state);
      if (status === 'stale') return;
      if (status !== 'saved') {
        const unsaved = unsavedFields(state).map(fieldLabel);
        setCommitError({
          kind: 'validation',
          title: 'Some changes are not saved yet',
          message:
            status === 'failed' && state.failure
              ? state.failure.message
              : `Fix ${unsaved.length === 1 ? 'this field' : 'these fields'} first: ${unsaved.join(', ')}.`,
          fieldErrors: {},
          retryable: status === 'failed',
        });
        return;
      }
      const committed = await commitDraft(api, draft.id, state.etag);
      navigate('/profile', {
        state: { notice: `${versionTitle(committed.version)} is now your profile.` },
      });
    } catch (error) {
      const ui = toUiError(error);
      if (ui.kind === 'stale') await draft.staleOnCommit();
      else setCommitError(ui);
    } finally {
      setCommitting(false);
    }
  };

  const errorList = Object.keys(errors);

  return (
    <div className="pf-editor">
      <div className="pf-editor__top">
        <Completion version={draft.version} linked />
        <Link className="vf-button vf-button--quiet vf-button--small" to="/profile">
          Back to your profile
        </Link>
      </div>

      {draft.state.failure && (
        <ErrorNotice
          error={{ ...draft.state.failure, retryable: true }}
          onRetry={() => void draft.flush()}
          className="pf-gap"
        />
      )}
      {commitError && (
        <ErrorNotice error={commitError} onRetry={() => void commit()} className="pf-gap" />
      )}
      {errorList.length > 0 && (
        <div className="vf-notice vf-notice--warning pf-gap">
          <div className="vf-notice__body">
            <p className="vf-notice__title">Please check these fields</p>
            <ul className="vf-notice__list">
              {errorList.map((field) => (
                <li key={field}>
                  <a href={`#${inputId(field)}`}>{fieldLabel(field)}</a>: {errors[field]}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}

      <nav className="pf-jump" aria-label="Profile sections">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#pf-section-${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <PhotoField
        version={draft.version}
        disabled={draft.status === 'stale'}
        onUploaded={(mediaUrl) => draft.saveFields({ profile_picture_url: mediaUrl })}
      />

      <form className="pf-form" onSubmit={(event) => event.preventDefault()} noValidate>
        {SECTIONS.map((section) => (
          <section
            key={section.id}
            id={`pf-section-${section.id}`}
            className="pf-section vf-card"
            aria-labelledby={`pf-section-${section.id}-title`}
          >
            <h2 className="vf-card__title" id={`pf-section-${section.id}-title`}>
              {section.title}
            </h2>
            {section.lead && <p className="pf-section__lead">{section.lead}</p>}
            <div className="pf-grid">
              {section.fields.map((spec) => (
                <ProfileField
                  key={spec.name}
                  spec={spec}
                  value={draft.state.form[spec.name] ?? ''}
                  errors={errors}
                  onChange={(value) => draft.change(spec.name, value)}
                  onBlur={() => void draft.flush()}
                />
              ))}
            </div>
          </section>
        ))}
      </form>

      <div className="pf-editor__bar" role="region" aria-label="Save and commit">
        <p className={`pf-save pf-save--${draft.status}`} role="status" aria-live="polite">
          {STATUS_TEXT[draft.status]}
        </p>
        <button
          type="button"
          className="vf-button"
          onClick={() => void commit()}
          disabled={committing || draft.status === 'stale'}
          aria-describedby="pf-commit-hint"
        >
          {committing ? 'Committing…' : 'Commit this version'}
        </button>
        <p className="vf-hint pf-editor__hint" id="pf-commit-hint">
          Committing makes this draft your profile; your current one stays in your history.
        </p>
      </div>

      <StaleEditDialog
        open={draft.status === 'stale'}
        title="This draft was changed elsewhere"
        what="this draft"
        choice={draft.conflict?.choice ?? null}
        error={draft.conflictError}
        labels={fieldLabel}
        listClassName="pf-conflict-list"
        onRetry={() => void draft.retryConflict()}
        onChoose={draft.resolve}
      />
    </div>
  );
}
