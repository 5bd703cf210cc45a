import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog>: showModal() makes the rest of the page inert (focus
 * stays inside), Escape cancels, and focus returns to where it was when it closes.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy = false,
  onConfirm,
  onCancel,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      const returnTo = document.activeElement as HTMLElement | null;
      element.showModal();
      cancelButton.current?.focus();
      return () => {
        if (element.open) element.close();
        returnTo?.focus();
      };
    }
    return undefined;
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="lv-dialog vf-modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="lv-dialog__title">
        {title}
      </h2>
      <div className="lv-dialog__body">{open && children}</div>
      <div className="lv-dialog__actions">
        <button
          ref={cancelButton}
          type="button"
          className="vf-button vf-button--quiet"
          onClick={onCancel}
          disabled={busy}
        >
          Cancel
        </button>
        <button
          type="button"
          className="vf-button vf-button--destructive"
          onClick={onConfirm}
          disabled={busy}
        >
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
