import type { UserManager } from 'oidc-client-ts';
import { useEffect, useState } from 'react';
import { toUiError, type UiError } from '../api/problem';
import { AuthProvider } from '../auth/AuthProvider';
import { createUserManager } from '../auth/userManager';
import { loadWebConfig } from '../auth/webConfig';
import { ErrorNotice } from '../ui/ErrorNotice';
import { PageLoading } from '../ui/Loading';
import { App } from './App';

type BootState =
  | { status: 'loading' }
  | { status: 'ready'; manager: UserManager }
  | { status: 'failed'; error: UiError };

/** Fetches /web-config.json (before anything else), then starts sign-in with it. */
export function Boot() {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<BootState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    loadWebConfig().then(
      (config) => {
        if (active) setState({ status: 'ready', manager: createUserManager(config) });
      },
      (error: unknown) => {
        if (!active) return;
        const ui = toUiError(error, navigator.onLine);
        setState({
          status: 'failed',
          error:
            ui.kind === 'offline'
              ? ui
              : {
                  kind: 'server',
                  title: "VibrationFit can't start right now",
                  message: 'Its settings could not be loaded. Please try again in a moment.',
                  fieldErrors: {},
                  retryable: true,
                },
        });
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  if (state.status === 'loading') return <PageLoading label="Opening VibrationFit…" />;
  if (state.status === 'failed') {
    return (
      <main className="vf-landing" id="main">
        <div className="vf-landing__panel">
          <h1 className="vf-visually-hidden">VibrationFit</h1>
          <ErrorNotice
            error={state.error}
            onRetry={() => {
              setState({ status: 'loading' });
              setAttempt((n) => n + 1);
            }}
          />
        </div>
      </main>
    );
  }
  return (
    <AuthProvider manager={state.manager}>
      <App />
    </AuthProvider>
  );
}
