import { useEffect, useState } from 'react';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { getExport, listExports, requestExport } from './api';
import { exportStatus, formatBytes, pollDelay, type AccountExport } from './exportStatus';

function online(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

/** Request an export of everything the platform holds, follow it while it is prepared, download the zip. */
export function ExportSection() {
  const api = useApi();
  const initial = useResource((signal) => listExports(api, signal), [api]);
  /** The export followed since the list loaded (undefined: the newest of the list). */
  const [followed, setFollowed] = useState<AccountExport | null | undefined>(undefined);
  const latest =
    followed !== undefined ? followed : initial.status === 'ok' ? (initial.data[0] ?? null) : null;
  const status = latest ? exportStatus(latest) : null;
  const [attempt, setAttempt] = useState(0);
  const [pollError, setPollError] = useState<UiError | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [requestError, setRequestError] = useState<UiError | null>(null);

  const id = latest?.id;
  const polling = status?.polling ?? false;
  // While the export is collected and assembled: ask again, every second at first.
  useEffect(() => {
    if (!id || !polling || pollError) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getExport(api, id, controller.signal).then(
        (fresh) => {
          setFollowed(fresh);
          setAttempt((n) => n + 1);
        },
        (failure: unknown) => {
          if (!controller.signal.aborted) setPollError(toUiError(failure, online()));
        },
      );
    }, pollDelay(attempt));
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, id, polling, pollError, attempt]);

  // A ready export's link works for a few minutes: fetch a fresh one before it runs out.
  const linkExpiresAt = latest?.state === 'ready' ? latest.download_url_expires_at : undefined;
  useEffect(() => {
    if (!id || !linkExpiresAt) return undefined;
    const wait = Date.parse(linkExpiresAt) - 15_000 - Date.now();
    const timer = setTimeout(
      () => getExport(api, id).then(setFollowed, () => undefined),
      Number.isNaN(wait) ? 60_000 : Math.max(1_000, wait),
    );
    return () => clearTimeout(timer);
  }, [api, id, linkExpiresAt]);

  const onRequest = async () => {
    setRequesting(true);
    setRequestError(null);
    setPollError(null);
    try {
      const started = await requestExport(api);
      setAttempt(0);
      setFollowed(started);
    } catch (failure) {
      const error = toUiError(failure, online());
      setRequestError(error);
      if (error.kind === 'conflict') {
        // One is being prepared already (another tab): follow that one.
        listExports(api).then(
          (items) => setFollowed(items[0] ?? null),
          () => undefined,
        );
      }
    } finally {
      setRequesting(false);
    }
  };

  if (initial.status === 'loading') return <Loading label="Looking for your exports…" />;
  if (initial.status === 'error') {
    return <ErrorNotice error={initial.error} onRetry={initial.reload} />;
  }

  const ready = latest?.state === 'ready' && latest.download_url ? latest : null;
  return (
    <>
      <p>
        One zip with everything VibrationFit holds about you: your profile, Life Vision and vision
        board, assessments, journal, AI usage and VIVA conversations, and every photo, recording and
        narration you stored. It takes a few seconds to prepare.
      </p>
      <div className="account-export" role="status">
        {status && (
          <div className={`account-export__status account-export__status--${status.tone}`}>
            <p className="account-export__title">{status.title}</p>
            <p className="account-export__detail">{status.detail}</p>
            {status.progress && (
              <progress
                className="vf-progress"
                max={status.progress.max}
                value={status.progress.value}
                aria-label="Export progress"
              />
            )}
            {status.polling && !status.progress && (
              <progress className="vf-progress" aria-label="Export progress" />
            )}
          </div>
        )}
      </div>
      {pollError && (
        <ErrorNotice
          error={pollError}
          onRetry={() => {
            setPollError(null);
            setAttempt((n) => n + 1);
          }}
          className="account-gap"
        />
      )}
      {requestError && (
        <ErrorNotice
          error={requestError}
          onRetry={() => void onRequest()}
          className="account-gap"
        />
      )}
      <div className="account-actions">
        {ready && (
          <a className="vf-button" href={ready.download_url} download>
            Download your data
            <span className="account-export__size">
              (zip{formatBytes(ready.size_bytes) ? `, ${formatBytes(ready.size_bytes)}` : ''})
            </span>
          </a>
        )}
        {!polling && (
          <button
            type="button"
            className={`vf-button${ready ? ' vf-button--quiet' : ''}`}
            onClick={() => void onRequest()}
            disabled={requesting}
          >
            {requesting ? 'Asking…' : ready ? 'Prepare a new export' : 'Export my data'}
          </button>
        )}
      </div>
    </>
  );
}
