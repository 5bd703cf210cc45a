import { useEffect, useRef } from 'react';

/**
 * Media links in API answers (`image_link`, `image_links`, a recording's `link`,
 * `profile_picture_link`...) are presigned URLs that expire 15 minutes after the answer. A screen
 * left open longer shows broken pictures and recordings that won't play, so it asks again once its
 * links are older than this, leaving a margin for a slow answer and clock skew.
 */
export const LINK_MAX_AGE_MS = 10 * 60 * 1000;

/**
 * A picture or recording that fails while its links are younger than this is broken for another
 * reason (a deleted object): asking again would not help, and must not loop.
 */
export const FAILED_MEDIA_RETRY_MS = 60 * 1000;

/** What the watcher needs of `document` (a stand-in in unit tests). */
export interface VisibleDocument {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: string, listener: (event: Event) => void, capture?: boolean): void;
  removeEventListener(type: string, listener: (event: Event) => void, capture?: boolean): void;
}

function isMedia(target: EventTarget | null): boolean {
  const name = (target as { nodeName?: unknown } | null)?.nodeName;
  return name === 'IMG' || name === 'AUDIO' || name === 'VIDEO' || name === 'SOURCE';
}

/**
 * Calls `refresh` when the links are old: the page becomes visible again after `maxAgeMs`, or an
 * <img>, <audio> or <video> fails to load (error events don't bubble, so they are caught on their
 * way down) after `FAILED_MEDIA_RETRY_MS`. Each call restarts the clock, so a failed refresh is
 * retried later, never in a loop; `restart()` is for fresh links (new data came).
 */
export function watchMediaLinks(
  doc: VisibleDocument,
  refresh: () => void,
  maxAgeMs = LINK_MAX_AGE_MS,
): { restart: () => void; mediaFailed: (target: EventTarget | null) => void; stop: () => void } {
  let loadedAt = Date.now();
  const age = () => Date.now() - loadedAt;
  const renew = () => {
    loadedAt = Date.now();
    refresh();
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'visible' && age() >= maxAgeMs) renew();
  };
  const mediaFailed = (target: EventTarget | null) => {
    if (isMedia(target) && age() >= Math.min(FAILED_MEDIA_RETRY_MS, maxAgeMs)) renew();
  };
  const onError = (event: Event) => mediaFailed(event.target);
  doc.addEventListener('visibilitychange', onVisibility);
  doc.addEventListener('error', onError, true);
  return {
    restart: () => {
      loadedAt = Date.now();
    },
    mediaFailed,
    stop: () => {
      doc.removeEventListener('visibilitychange', onVisibility);
      doc.removeEventListener('error', onError, true);
    },
  };
}

/**
 * Keeps a screen's media links usable (see LINK_MAX_AGE_MS): `refresh` asks for the screen's data
 * again (quietly: what is on screen stays until the answer comes). `links` is the data that holds
 * the links (an entry, a list's items); a new value restarts the clock. Null: nothing to watch yet.
 *
 *   useFreshMediaLinks(list.status === 'ok' ? list.items : null, list.refresh);
 */
export function useFreshMediaLinks(links: unknown, refresh: () => void): void {
  const latest = useRef(refresh);
  const watcher = useRef<ReturnType<typeof watchMediaLinks> | null>(null);
  const watching = links !== null && links !== undefined;

  useEffect(() => {
    latest.current = refresh;
  });

  useEffect(() => {
    if (!watching) return;
    const current = watchMediaLinks(document, () => latest.current());
    watcher.current = current;
    return () => {
      current.stop();
      watcher.current = null;
    };
  }, [watching]);

  useEffect(() => {
    watcher.current?.restart();
  }, [links]);
}
