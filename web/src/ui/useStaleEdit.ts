import { useState } from 'react';
import { resolveStale, type Fields, type StaleChoice } from '../api/conflict';
import { toUiError, type UiError } from '../api/problem';

type Keep = 'theirs' | 'mine';

/**
 * A save met 412 (src/ui/StaleEditDialog.tsx): `open()` shows the dialog, loads the newer version
 * and works out what each way out does from the form's `base` and `mine`; the member's choice goes
 * to `apply` with the loaded version. Spread `dialog` on the StaleEditDialog.
 */
export function useStaleEdit<F extends Fields, T>({
  base,
  mine,
  load,
  apply,
}: {
  base: F;
  mine: F;
  /** The newer version with its fields and ETag; null when there is none (nothing saved yet). */
  load: () => Promise<{ data: T; fields: F; etag: string } | null>;
  apply: (keep: Keep, theirs: T, choice: StaleChoice<F>) => void;
}) {
  const [state, setState] = useState<{
    choice: StaleChoice<F> | null;
    theirs: T | null;
    error: UiError | null;
  } | null>(null);

  const open = async () => {
    setState({ choice: null, theirs: null, error: null });
    try {
      const theirs = await load();
      if (!theirs) return;
      const choice = resolveStale({
        base,
        mine,
        theirs: { fields: theirs.fields, etag: theirs.etag },
      });
      setState({ choice, theirs: theirs.data, error: null });
    } catch (error) {
      setState({ choice: null, theirs: null, error: toUiError(error) });
    }
  };

  const choose = (keep: Keep) => {
    if (!state?.theirs || !state.choice) return;
    setState(null);
    apply(keep, state.theirs, state.choice);
  };

  return {
    open,
    dialog: {
      open: state !== null,
      choice: state?.choice ?? null,
      error: state?.error ?? null,
      onRetry: () => void open(),
      onChoose: choose,
    },
  };
}
