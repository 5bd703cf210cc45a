import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';
import type { ConfirmedAction } from './useConfirmedAction';

/**
 * Asks before an action that can't be undone: "Keep it" or the (red) action. While it runs, neither
 * button nor Escape closes the dialog; a failure is shown inside, with Retry.
 */
export function ConfirmDialog<T>({
  action,
  title,
  confirmLabel,
  busyLabel,
  children,
}: {
  action: ConfirmedAction<T>;
  title: string;
  /** The action button, e.g. "Delete"; `busyLabel` while it runs, e.g. "Deleting…". */
  confirmLabel: string;
  busyLabel: string;
  /** What will happen, in words. */
  children: ReactNode;
}) {
  const { busy, error, cancel, confirm } = action;
  return (
    <Dialog
      open={action.target !== null}
      title={title}
      onClose={() => !busy && cancel()}
      actions={
        <>
          <button
            type="button"
            className="vf-button vf-button--quiet"
            disabled={busy}
            onClick={cancel}
          >
            Keep it
          </button>
          <button
            type="button"
            className="vf-button vf-button--danger"
            disabled={busy}
            onClick={() => void confirm()}
          >
            {busy ? busyLabel : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error && <ErrorNotice error={error} onRetry={() => void confirm()} />}
    </Dialog>
  );
}
