import { useState } from 'react';
import { toUiError, type UiError } from '../api/problem';

/** What a ConfirmDialog shows and drives (src/ui/ConfirmDialog.tsx). */
export interface ConfirmedAction<T> {
  /** What the member is asked about (the entry to delete...); null: not asking. */
  target: T | null;
  busy: boolean;
  /** Why the last try failed; shown in the dialog with Retry. */
  error: UiError | null;
  ask: (target: T) => void;
  cancel: () => void;
  confirm: () => Promise<void>;
}

/**
 * An action that can't be undone, asked first: `ask(item)` opens the question, `confirm()` runs the
 * action; on success the question closes, on failure it stays open with the error, so the member
 * can retry or keep the item.
 */
export function useConfirmedAction<T>(action: (target: T) => Promise<void>): ConfirmedAction<T> {
  const [target, setTarget] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const ask = (next: T) => {
    setError(null);
    setTarget(next);
  };

  const confirm = async () => {
    if (target === null) return;
    setBusy(true);
    setError(null);
    try {
      await action(target);
      setTarget(null);
    } catch (failure) {
      setError(toUiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return { target, busy, error, ask, cancel: () => setTarget(null), confirm };
}
