import type { Fields, StaleChoice } from '../api/conflict';
import type { UiError } from '../api/problem';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';

type Labels = Record<string, string> | ((field: string) => string);

function names(fields: PropertyKey[], labels: Labels): string {
  return fields
    .map((field) =>
      typeof labels === 'function'
        ? labels(String(field))
        : (labels[String(field)] ?? String(field)),
    )
    .join(', ');
}

/**
 * A save met 412: someone saved the same thing meanwhile (another tab, another device). Shows what
 * each way out does (src/api/conflict.ts) and lets the member choose: "Reload theirs" or "Keep
 * mine". While the newer version loads, says so; if loading it failed, shows why with Retry.
 */
export function StaleEditDialog<T extends Fields>({
  open,
  title = 'This was changed elsewhere',
  what,
  choice,
  error,
  labels,
  listClassName,
  busy = false,
  onRetry,
  onChoose,
}: {
  open: boolean;
  title?: string;
  /** What was edited, e.g. "this item", "this entry". */
  what: string;
  choice: StaleChoice<T> | null;
  error: UiError | null;
  /** Field (JSON name) → label the member knows. */
  labels: Labels;
  /** The class of the list of the two ways out. */
  listClassName?: string;
  busy?: boolean;
  onRetry: () => void;
  onChoose: (keep: 'theirs' | 'mine') => void;
}) {
  return (
    <Dialog
      open={open}
      required
      title={title}
      onClose={() => undefined}
      actions={
        choice && (
          <>
            <button
              type="button"
              className="vf-button vf-button--quiet"
              disabled={busy}
              onClick={() => onChoose('theirs')}
            >
              Reload theirs
            </button>
            <button
              type="button"
              className="vf-button"
              disabled={busy}
              onClick={() => onChoose('mine')}
            >
              Keep mine
            </button>
          </>
        )
      }
    >
      <p>A newer version of {what} was saved (perhaps in another tab) while you were editing.</p>
      {error && <ErrorNotice error={error} onRetry={onRetry} />}
      {!choice && !error && <p>Loading the newer version…</p>}
      {choice && (
        <ul className={listClassName}>
          <li>
            <strong>Reload theirs</strong> shows the newer version
            {choice.reloadTheirs.discarded.length > 0
              ? ` and drops your changes to: ${names(choice.reloadTheirs.discarded, labels)}.`
              : '; you lose nothing.'}
          </li>
          <li>
            <strong>Keep mine</strong> saves your changes on top of it
            {choice.conflicts.length > 0
              ? `, replacing their changes to: ${names(choice.conflicts, labels)}.`
              : '; their other changes stay.'}
          </li>
        </ul>
      )}
    </Dialog>
  );
}
