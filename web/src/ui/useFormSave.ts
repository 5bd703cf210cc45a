import { useState } from 'react';
import { ApiFailure, toUiError, type UiError } from '../api/problem';
import { errorsByInput } from './fieldIds';

/** How a failed save is shown. */
export type SaveFailure =
  | { stale: true }
  | { stale: false; fieldErrors: Record<string, string> | null; notice: UiError | null };

/**
 * What a failed save shows: a 412 the stale-edit dialog; a 400 naming fields their messages at
 * their inputs (and, with `noticeForFields`, a notice listing them too); anything else a notice.
 */
export function saveFailure(caught: unknown, noticeForFields: boolean): SaveFailure {
  if (caught instanceof ApiFailure && caught.ui.kind === 'stale') return { stale: true };
  const ui = toUiError(caught);
  const named = ui.kind === 'validation' && Object.keys(ui.fieldErrors).length > 0;
  return {
    stale: false,
    fieldErrors: named ? errorsByInput(ui.fieldErrors) : null,
    notice: !named || noticeForFields ? ui : null,
  };
}

/**
 * Sending an edit form, one save at a time: `saving` while it runs; a failure goes where
 * saveFailure says (`onStale` opens the stale-edit dialog, src/ui/useStaleEdit.ts; `error` is for
 * an ErrorNotice with Retry).
 */
export function useFormSave({
  onStale,
  onFieldErrors,
  noticeForFields = false,
}: {
  onStale: () => void;
  /** The server's field errors by input name. */
  onFieldErrors: (errors: Record<string, string>) => void;
  /** Whether a 400 naming fields is said above the buttons as well (with the fields listed). */
  noticeForFields?: boolean;
}) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const run = async (save: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await save();
    } catch (caught) {
      const failure = saveFailure(caught, noticeForFields);
      if (failure.stale) {
        onStale();
        return;
      }
      if (failure.fieldErrors) onFieldErrors(failure.fieldErrors);
      if (failure.notice) setError(failure.notice);
    } finally {
      setSaving(false);
    }
  };

  return { saving, error, run };
}
