import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFreshMediaLinks } from '../../api/useFreshMediaLinks';
import { Completion } from './Completion';
import { createDraft, listVersions, type VersionPage } from './api';
import {
  completionOf,
  displayName,
  pictureLinkOf,
  STATE_LABELS,
  stateOf,
  versionSet,
  versionTitle,
  type ProfileVersion,
} from './versions';

export function ProfileHome() {
  usePageTitle('Profile');
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  // The list first: a member without a profile gets an empty list, not a 404.
  const versions = useResource((signal) => listVersions(api, null, signal), [api]);
  // The profile picture's link lapses after 15 minutes: a screen left open takes fresh ones.
  useFreshMediaLinks(versions.status === 'ok' ? versions.data : null, versions.reload);
  const [older, setOlder] = useState<VersionPage | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<UiError | null>(null);

  const startDraft = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      const created = await createDraft(api);
      navigate(`/profile/edit/${created.version.id}`);
    } catch (error) {
      setCreateError(toUiError(error));
      setCreating(false);
    }
  };

  /** The card's button that starts a draft (the first one, or the next change). */
  const startDraftButton = (label: string) => (
    <div className="vf-card__actions">
      <button
        type="button"
        className="vf-button"
        onClick={() => void startDraft()}
        disabled={creating}
      >
        {creating ? 'Creating…' : label}
      </button>
    </div>
  );

  const showOlder = async (cursor: string | null) => {
    if (!cursor) return;
    setLoadingOlder(true);
    try {
      const next = await listVersions(api, cursor);
      setOlder({ items: [...(older?.items ?? []), ...next.items], nextCursor: next.nextCursor });
    } catch (error) {
      setCreateError(toUiError(error));
    } finally {
      setLoadingOlder(false);
    }
  };

  return (
    <>
      <header className="vf-page-header">
        <p className="vf-eyebrow">Profile</p>
        <h1>Your profile</h1>
        <p className="vf-page-header__lead">
          Tell VibrationFit about yourself, so your assessment and VIVA fit your life. Every commit
          keeps the one before, so you can always go back.
        </p>
      </header>
      {notice && (
        <div className="vf-notice vf-notice--info pf-gap" role="status">
          <p className="vf-notice__text">{notice}</p>
        </div>
      )}
      {createError && (
        <ErrorNotice error={createError} onRetry={() => void startDraft()} className="pf-gap" />
      )}
      {versions.status === 'loading' && <Loading label="Loading your profile…" />}
      {versions.status === 'error' && (
        <ErrorNotice error={versions.error} onRetry={versions.reload} />
      )}
      {versions.status === 'ok' &&
        (() => {
          const { active, draft, all } = versionSet([
            ...versions.data.items,
            ...(older?.items ?? []),
          ]);
          const nextCursor = older ? older.nextCursor : versions.data.nextCursor;
          if (all.length === 0) {
            return (
              <section className="vf-card pf-empty" aria-labelledby="pf-start">
                <h2 className="vf-card__title" id="pf-start">
                  Let's get to know you
                </h2>
                <p>
                  You have no profile yet. Start with a few details; you can add more whenever you
                  like. Your answers are saved as you type.
                </p>
                {startDraftButton('Create your profile')}
              </section>
            );
          }
          return (
            <>
              <div className="vf-grid">
                {active && <ActiveCard version={active} />}
                <section className="vf-card" aria-labelledby="pf-edit">
                  <h2 className="vf-card__title" id="pf-edit">
                    {draft ? 'Your draft' : 'Make a change'}
                  </h2>
                  {draft ? (
                    <>
                      <p>
                        {versionTitle(draft)} is a draft, {completionOf(draft)}% complete. Commit it
                        when it is ready.
                      </p>
                      <div className="vf-card__actions">
                        <Link className="vf-button" to={`/profile/edit/${draft.id}`}>
                          Continue your draft
                        </Link>
                      </div>
                    </>
                  ) : (
                    <>
                      <p>
                        Edits go into a new draft; your profile stays as it is until you commit.
                      </p>
                      {startDraftButton('Edit your profile')}
                    </>
                  )}
                </section>
              </div>
              <section className="vf-section" aria-labelledby="pf-history">
                <h2 id="pf-history">Versions</h2>
                <p className="vf-hint">Newest first.</p>
                <ol className="pf-versions vf-list">
                  {all.map((version) => (
                    <VersionItem key={version.id} version={version} />
                  ))}
                </ol>
                {nextCursor && (
                  <button
                    type="button"
                    className="vf-button vf-button--quiet pf-gap-top"
                    onClick={() => void showOlder(nextCursor)}
                    disabled={loadingOlder}
                  >
                    {loadingOlder ? 'Loading…' : 'Show older versions'}
                  </button>
                )}
              </section>
            </>
          );
        })()}
    </>
  );
}

function ActiveCard({ version }: { version: ProfileVersion }) {
  const name = displayName(version);
  const link = pictureLinkOf(version);
  return (
    <section className="vf-card" aria-labelledby="pf-active">
      <h2 className="vf-card__title" id="pf-active">
        Your profile
      </h2>
      <div className="pf-active">
        {link && <img className="pf-avatar" src={link} alt="Your profile picture" />}
        <div>
          {name && <p className="pf-active__name">{name}</p>}
          <p className="vf-hint">
            {versionTitle(version)} · updated {formatDate(version.updated_at)}
          </p>
        </div>
      </div>
      <Completion version={version} linked={false} />
    </section>
  );
}

function VersionItem({ version }: { version: ProfileVersion }) {
  const state = stateOf(version);
  return (
    <li className="pf-version vf-panel">
      <div className="pf-version__text">
        <h3 className="pf-version__title">
          <Link to={`/profile/versions/${version.id}`}>{versionTitle(version)}</Link>{' '}
          <span className={`pf-tag pf-tag--${state}`}>{STATE_LABELS[state]}</span>
        </h3>
        <p className="vf-hint">
          {formatDate(version.created_at)} · {completionOf(version)}% complete
          {version.version_notes ? ` · ${version.version_notes}` : ''}
        </p>
      </div>
    </li>
  );
}
