import type { UiError } from '../../api/problem';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { fieldLabel } from './fields';
import type { Conflict } from './useDraft';

function names(fields: (string | number)[]): string {
  return fields.map((field) => fieldLabel(String(field))).join(', ');
}

/** A save or commit met 412: someone saved this draft meanwhile. The member chooses. */
export function ConflictDialog({
  open,
  conflict,
  error,
  onRetry,
  onChoose,
}: {
  open: boolean;
  conflict: Conflict | null;
  error: UiError | null;
  onRetry: () => void;
  onChoose: (keep: 'theirs' | 'mine') => void;
}) {
  const choice = conflict?.choice;
  return (
    <Dialog
      open={open}
      required
      title="This draft was changed elsewhere"
      onClose={() => undefined}
      actions={
        choice && (
          <>
            <button
              type="button"
              className="vf-button vf-button--quiet"
              onClick={() => onChoose('theirs')}
            >
              Reload theirs
            </button>
            <button type="button" className="vf-button" onClick={() => onChoose('mine')}>
              Keep mine
            </button>
          </>
        )
      }
    >
      <p>
        A newer version of this draft was saved (perhaps in another tab) while you were editing.
      </p>
      {error && <ErrorNotice error={error} onRetry={onRetry} />}
      {!choice && !error && <p>Loading the newer version…</p>}
      {choice && (
        <ul className="pf-conflict-list">
          <li>
            <strong>Reload theirs</strong> shows the newer version
            {choice.reloadTheirs.discarded.length > 0
              ? ` and drops your changes to: ${names(choice.reloadTheirs.discarded)}.`
              : '; you lose nothing.'}
          </li>
          <li>
            <strong>Keep mine</strong> saves your changes on top of it
            {choice.conflicts.length > 0
              ? `, replacing their changes to: ${names(choice.conflicts)}.`
              : '; their other changes stay.'}
          </li>
        </ul>
      )}
    </Dialog>
  );
}
