import { useState } from 'react';
import { toUiError, type UiError } from '../../api/problem';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { Assessment } from './api';
import { historyLabel } from './history';

/** Asks before deleting an assessment with its answers and insights. */
export function DeleteAssessmentDialog({
  assessment,
  onCancel,
  onConfirm,
}: {
  assessment: Assessment | null;
  onCancel: () => void;
  onConfirm: (assessment: Assessment) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const close = () => {
    setError(null);
    onCancel();
  };

  const confirm = async () => {
    if (!assessment) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(assessment);
    } catch (failure) {
      setError(toUiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={assessment !== null}
      title="Delete this assessment?"
      onClose={close}
      actions={
        <>
          <button type="button" className="vf-button vf-button--quiet" onClick={close}>
            Keep it
          </button>
          <button
            type="button"
            className="vf-button vf-button--danger"
            onClick={() => void confirm()}
            disabled={busy}
          >
            {busy ? 'Deleting…' : 'Delete'}
          </button>
        </>
      }
    >
      <p>
        The assessment of {assessment ? historyLabel(assessment) : ''} will be deleted with its
        answers and insights. This cannot be undone.
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void confirm()} />}
    </Dialog>
  );
}
