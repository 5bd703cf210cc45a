import { useState, type FormEvent } from 'react';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { deleteAccount } from './api';
import { confirmMatches, usernameFromToken } from './confirm';

/**
 * The danger zone: the member types their username to delete their account. Once the server has
 * taken the deletion (202), they are signed out (Keycloak's session ends too) and land on the
 * landing page; their login is gone within seconds, their data everywhere soon after.
 */
export function DeleteSection() {
  const api = useApi();
  const { accessToken, signOut } = useAuth();
  const [username] = useState(() => usernameFromToken(accessToken()));
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const matches = confirmMatches(typed, username);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteAccount(api, typed.trim());
      setDone(true);
      await signOut();
    } catch (failure) {
      setError(toUiError(failure, navigator.onLine));
      setBusy(false);
    }
  };

  const fields = error?.fieldErrors;
  if (done) {
    return (
      <div className="vf-notice vf-notice--info" role="status">
        <p className="vf-notice__text">Your account is being deleted. Signing you out…</p>
      </div>
    );
  }
  return (
    <form className="account-delete" onSubmit={(event) => void onSubmit(event)}>
      <p>
        This deletes your login and everything you stored in VibrationFit: your profile, Life
        Vision, vision board, journal, assessments, VIVA conversations, tokens and files. It cannot
        be undone. Export your data first if you want to keep a copy.
      </p>
      <div className="vf-field">
        <label className="vf-label" htmlFor="account-confirm">
          {username ? (
            <>
              Type your username, <span className="account-username">{username}</span>, to confirm
            </>
          ) : (
            'Type your username to confirm'
          )}
        </label>
        <input
          id="account-confirm"
          className="vf-input account-delete__input"
          value={typed}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
          {...fieldErrorProps('confirm', fields, 'account-confirm-hint')}
        />
        <p id="account-confirm-hint" className="vf-card__note">
          The delete button turns on when the username matches.
        </p>
        <FieldError name="confirm" errors={fields} />
      </div>
      {error && !fields?.confirm && <ErrorNotice error={error} className="account-gap" />}
      <button
        type="submit"
        className="vf-button vf-button--destructive"
        disabled={!matches || busy}
      >
        {busy ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}
