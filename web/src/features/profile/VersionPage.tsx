import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { activateVersion, deleteVersion, listVersions, loadChanges, loadVersion } from './api';
import { changeLines, changesSummary, type ChangeLine } from './changes';
import { StoryRecordings } from './StoryRecordings';
import {
  actionsOf,
  completionOf,
  STATE_LABELS,
  stateOf,
  versionTitle,
  type ProfileVersion,
} from './versions';

interface Loaded {
  version: ProfileVersion;
  parent?: ProfileVersion;
  lines: ChangeLine[];
}

export function VersionPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const loaded = useResource<Loaded>(
    async (signal) => {
      const [tagged, changes, list] = await Promise.all([
        loadVersion(api, id, signal),
        loadChanges(api, id, signal),
        listVersions(api, null, signal),
      ]);
      const parentId = tagged.version.parent_version_id;
      const parent = parentId ? list.items.find((v) => v.id === parentId) : undefined;
      return {
        version: tagged.version,
        lines: changeLines(changes.changes),
        ...(parent ? { parent } : {}),
      };
    },
    [api, id],
  );
  const title = loaded.status === 'ok' ? versionTitle(loaded.data.version) : 'Profile version';
  usePageTitle(title);

  return (
    <>
      <header className="vf-page-header">
        <p className="vf-eyebrow">Profile history</p>
        <h1>{title}</h1>
        {loaded.status === 'ok' && (
          <p className="vf-page-header__lead">
            <span className={`pf-tag pf-tag--${stateOf(loaded.data.version)}`}>
              {STATE_LABELS[stateOf(loaded.data.version)]}
            </span>{' '}
            Created {formatDate(loaded.data.version.created_at)} ·{' '}
            {completionOf(loaded.data.version)}% complete
          </p>
        )}
      </header>
      {loaded.status === 'loading' && <Loading label="Loading this version…" />}
      {loaded.status === 'error' && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {loaded.status === 'ok' && <VersionBody {...loaded.data} />}
      <p className="pf-gap-top">
        <Link to="/profile">Back to your profile</Link>
      </p>
    </>
  );
}

function VersionBody({ version, parent, lines }: Loaded) {
  const api = useApi();
  const navigate = useNavigate();
  const actions = actionsOf(version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const id = version.id ?? '';

  const activate = async () => {
    setBusy(true);
    setError(null);
    try {
      await activateVersion(api, id);
      navigate('/profile', {
        state: { notice: `${versionTitle(version)} is your profile again.` },
      });
    } catch (failure) {
      setError(toUiError(failure));
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteVersion(api, id);
      navigate('/profile', { state: { notice: `${versionTitle(version)} was deleted.` } });
    } catch (failure) {
      setError(toUiError(failure));
      setConfirming(false);
      setBusy(false);
    }
  };

  const against = parent
    ? versionTitle(parent)
    : version.parent_version_id
      ? 'the version it came from'
      : 'an empty profile';

  return (
    <>
      {error && <ErrorNotice error={error} className="pf-gap" />}
      {version.version_notes && (
        <p className="pf-notes">
          <strong>Notes:</strong> {version.version_notes}
        </p>
      )}
      <div className="pf-actions">
        {actions.edit && (
          <Link className="vf-button" to={`/profile/edit/${id}`}>
            Continue editing
          </Link>
        )}
        {actions.activate && (
          <button
            type="button"
            className="vf-button"
            onClick={() => void activate()}
            disabled={busy}
          >
            Make this my profile again
          </button>
        )}
        {actions.remove && (
          <button
            type="button"
            className="vf-button vf-button--quiet"
            onClick={() => setConfirming(true)}
            disabled={busy}
          >
            Delete this version
          </button>
        )}
      </div>

      <StoryRecordings version={version} />

      <section className="vf-section" aria-labelledby="pf-changes">
        <h2 id="pf-changes">Changes from {against}</h2>
        <p className="vf-hint">{changesSummary(lines)}</p>
        {lines.length > 0 && (
          <table className="pf-changes vf-table">
            <caption className="vf-visually-hidden">
              Each changed field, what it was in {against} and what it is in {versionTitle(version)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.field} className={`pf-change pf-change--${line.kind}`}>
                  <th scope="row">{line.label}</th>
                  <td data-label="Before">
                    {line.beforeImage ? (
                      <img
                        className="pf-change__image"
                        src={line.beforeImage}
                        alt="The earlier picture"
                      />
                    ) : (
                      line.before
                    )}
                  </td>
                  <td data-label="After">
                    {line.afterImage ? (
                      <img
                        className="pf-change__image"
                        src={line.afterImage}
                        alt="The new picture"
                      />
                    ) : (
                      line.after
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <Dialog
        open={confirming}
        title={`Delete ${versionTitle(version)}?`}
        onClose={() => setConfirming(false)}
        actions={
          <>
            <button
              type="button"
              className="vf-button vf-button--quiet"
              onClick={() => setConfirming(false)}
            >
              Keep it
            </button>
            <button
              type="button"
              className="vf-button vf-button--danger"
              onClick={() => void remove()}
              disabled={busy}
            >
              {busy ? 'Deleting…' : 'Delete'}
            </button>
          </>
        }
      >
        <p>
          {versionTitle(version)} will be deleted for good. Versions after it are renumbered; your
          active profile is not touched.
        </p>
      </Dialog>
    </>
  );
}
