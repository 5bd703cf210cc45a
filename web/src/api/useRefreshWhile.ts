import { useEffect, useRef } from 'react';

/**
 * How long to wait before asking again, by how many times we asked: every few seconds at first
 * (a voice note is transcribed a few seconds after its upload), then less often, so a screen left
 * open while the server is slow does not keep asking every few seconds.
 */
export function refreshDelay(asked: number, everyMs = 3000): number {
  return asked < 20 ? everyMs : Math.max(everyMs, 30_000);
}

/** What the repeater needs of `document` (a stand-in in unit tests). */
export interface HiddenDocument {
  readonly visibilityState: DocumentVisibilityState;
}

/**
 * Calls `refresh` again and again (see refreshDelay), each time after the previous answer came,
 * never two at once; skipped while the page is hidden. `stop()` aborts the call in flight (its
 * signal fires) and ends it.
 */
export function refreshRepeatedly(
  refresh: (signal: AbortSignal) => Promise<unknown>,
  doc: HiddenDocument | null,
  everyMs?: number,
): { stop: () => void } {
  const controller = new AbortController();
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer = setTimeout(
      () => {
        if (doc?.visibilityState === 'hidden') {
          schedule();
          return;
        }
        asked++;
        refresh(controller.signal)
          .catch(() => undefined)
          .finally(() => {
            if (!controller.signal.aborted) schedule();
          });
      },
      refreshDelay(asked, everyMs),
    );
  };
  schedule();
  return {
    stop: () => {
      controller.abort();
      clearTimeout(timer);
    },
  };
}

/**
 * While `active` (a recording is being transcribed...), calls `refresh` every few seconds to take
 * the data again; stops once it is not, or when the screen goes away. `refresh` loads quietly
 * (what is on screen stays until the answer comes) and ignores an aborted answer.
 *
 *   useRefreshWhile(anyPending(entry.audio_recordings), (signal) => loadEntry(api, id, signal)...);
 */
export function useRefreshWhile(
  active: boolean,
  refresh: (signal: AbortSignal) => Promise<unknown>,
  everyMs?: number,
): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });

  useEffect(() => {
    if (!active) return;
    const repeater = refreshRepeatedly(
      (signal) => latest.current(signal),
      typeof document === 'undefined' ? null : document,
      everyMs,
    );
    return repeater.stop;
  }, [active, everyMs]);
}
