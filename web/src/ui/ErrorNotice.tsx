import { useContext } from 'react';
import type { UiError } from '../api/problem';
import { AuthContext } from '../auth/context';

interface Props {
  error: UiError;
  /** Shown as a Retry button when the error is retryable (offline, 5xx, 429). */
  onRetry?: () => void;
  /** Lists the field errors too (when the form cannot show them next to its inputs). */
  showFields?: boolean;
  /** Labels for field names in that list: { title: 'Title' }. */
  fieldLabels?: Record<string, string>;
  className?: string;
}

/**
 * A failed call, in words: what happened and what to do. Offline and server errors always get
 * a Retry button, so a screen never ends on a blank page.
 */
export function ErrorNotice({
  error,
  onRetry,
  showFields = false,
  fieldLabels = {},
  className,
}: Props) {
  const auth = useContext(AuthContext);
  const fields = Object.entries(error.fieldErrors);
  const tone = error.kind === 'validation' || error.kind === 'rate-limited' ? 'warning' : 'error';
  const canSignIn = auth && error.kind === 'auth' && error.status === 401;
  return (
    <div className={`vf-notice vf-notice--${tone}${className ? ` ${className}` : ''}`} role="alert">
      <div className="vf-notice__body">
        <p className="vf-notice__title">{error.title}</p>
        <p className="vf-notice__text">{error.message}</p>
        {showFields && fields.length > 0 && (
          <ul className="vf-notice__list">
            {fields.map(([field, message]) => (
              <li key={field}>
                {fieldLabels[field] ?? field}: {message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {error.retryable && onRetry && (
        <button type="button" className="vf-button vf-button--small" onClick={onRetry}>
          Retry
        </button>
      )}
      {canSignIn && (
        <button
          type="button"
          className="vf-button vf-button--small"
          onClick={() => void auth.signIn()}
        >
          Sign in again
        </button>
      )}
    </div>
  );
}
