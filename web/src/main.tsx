import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from './app/Boot';
import { SILENT_PATH } from './auth/paths';
import { createUserManager } from './auth/userManager';
import { loadWebConfig } from './auth/webConfig';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

if (window.location.pathname === SILENT_PATH) {
  // The hidden iframe of a silent sign-in: hand Keycloak's answer to the app and render nothing.
  void loadWebConfig()
    .then((config) => createUserManager(config).signinSilentCallback())
    .catch((error: unknown) => console.error('Silent sign-in callback failed', error));
} else {
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <ErrorBoundary what="VibrationFit">
          <Boot />
        </ErrorBoundary>
      </StrictMode>,
    );
  }
}
