import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

interface Props {
  /** Whether the dialog is shown (as a modal: the rest of the page is inert). */
  open: boolean;
  title: string;
  /** Escape, the close button, or a click on the backdrop. */
  onClose: () => void;
  children: ReactNode;
  /** The buttons at the bottom, e.g. Cancel and the action. */
  actions?: ReactNode;
  /** Set when the dialog must not be dismissed with Escape (a choice has to be made). */
  required?: boolean;
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the page behind it inert (focus
 * stays inside), Escape closes it, and focus returns to what had it before.
 */
export function Dialog({ open, title, onClose, children, actions, required = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const restoreFocus = () => {
    const target = opener.current;
    opener.current = null;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  };

  return (
    <dialog
      ref={ref}
      className="vf-dialog vf-modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!required) onClose();
      }}
      onClose={restoreFocus}
    >
      <div className="vf-dialog__header">
        <h2 id={titleId} className="vf-dialog__title">
          {title}
        </h2>
        {!required && (
          <button
            type="button"
            className="vf-button vf-button--quiet vf-button--small"
            onClick={onClose}
          >
            Close
          </button>
        )}
      </div>
      <div className="vf-dialog__body">{children}</div>
      {actions && <div className="vf-dialog__actions">{actions}</div>}
    </dialog>
  );
}
