/**
 * The narration tracks of one vision: loaded when narration is known to exist, polled every few
 * seconds while a track is queued or processing (and for a while after a change that should start
 * narration), never after the screen is gone.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/client';
import { toUiError, type UiError } from '../../api/problem';
import { useFreshMediaLinks } from '../../api/useFreshMediaLinks';
import { loadAudio, regenerateAudio, retryTrack } from './api';
import {
  keepPlayUrl,
  POLL_EVERY_MS,
  shouldPoll,
  tracksBySection,
  type KeptUrl,
  type Track,
} from './narration';
import type { SectionKey } from './sections';

type Texts = Partial<Record<SectionKey, string>>;
type PlayUrls = Partial<Record<SectionKey, KeptUrl>>;

function keepUrls(previous: PlayUrls, tracks: Track[], now: number): PlayUrls {
  const next: PlayUrls = {};
  for (const [key, track] of Object.entries(tracksBySection(tracks)) as [SectionKey, Track][]) {
    const kept = keepPlayUrl(previous[key], track, now);
    if (kept) next[key] = kept;
  }
  return next;
}

/**
 * @param enabled whether to ask media-service at all: a vision it has never narrated may answer
 *   404, so the editor asks only for complete visions, visions narrated before, or after a request.
 */
export function useNarration(api: Api, visionId: string, enabled: boolean, texts: Texts) {
  /** undefined: not asked yet; null: no narration known (404). */
  const [tracks, setTracks] = useState<Track[] | null | undefined>(undefined);
  const [playUrls, setPlayUrls] = useState<PlayUrls>({});
  const [loadError, setLoadError] = useState<UiError | null>(null);
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [busyAction, setBusyAction] = useState<string | null>(null);
  const [requested, setRequested] = useState(false);
  const [pollKey, setPollKey] = useState(0);

  const textsRef = useRef(texts);
  const watchSince = useRef<number | null>(null);
  useEffect(() => {
    textsRef.current = texts;
  }, [texts]);

  const active = enabled || requested;

  const take = useCallback((next: Track[] | null) => {
    const now = Date.now();
    setTracks(next);
    setPlayUrls((previous) => keepUrls(previous, next ?? [], now));
  }, []);

  useEffect(() => {
    if (!active) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        const next = await loadAudio(api, visionId, controller.signal);
        if (controller.signal.aborted) return;
        take(next);
        setLoadError(null);
        const poll = shouldPoll({
          tracks: next ?? [],
          texts: textsRef.current,
          watchSince: watchSince.current,
          now: Date.now(),
        });
        if (poll) timer = setTimeout(() => void run(), POLL_EVERY_MS);
      } catch (error) {
        if (controller.signal.aborted) return;
        setLoadError(toUiError(error));
      }
    };
    void run();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, visionId, active, pollKey, take]);

  /** Something that should start narration happened: watch for a while. */
  const watch = useCallback(() => {
    watchSince.current = Date.now();
    setPollKey((n) => n + 1);
  }, []);

  const regenerate = useCallback(
    async (sections: SectionKey[] | undefined, force: boolean, what: string) => {
      setActionError(null);
      setBusyAction(what);
      try {
        const next = await regenerateAudio(api, visionId, {
          ...(sections ? { sections } : {}),
          ...(force ? { force: true } : {}),
        });
        take(next);
        setRequested(true);
        watch();
      } catch (error) {
        setActionError(toUiError(error));
      } finally {
        setBusyAction(null);
      }
    },
    [api, visionId, take, watch],
  );

  const retry = useCallback(
    async (trackId: string, what: string) => {
      setActionError(null);
      setBusyAction(what);
      try {
        await retryTrack(api, trackId);
        watch();
      } catch (error) {
        setActionError(toUiError(error));
        setPollKey((n) => n + 1);
      } finally {
        setBusyAction(null);
      }
    },
    [api, watch],
  );

  /** A player could not load its URL (expired): take fresh URLs. */
  const refreshUrls = useCallback(() => {
    setPlayUrls({});
    setPollKey((n) => n + 1);
  }, []);
  // A screen left open past the links' lifetime takes fresh ones when the member comes back.
  useFreshMediaLinks(tracks, refreshUrls);

  const reload = useCallback(() => {
    setLoadError(null);
    setPollKey((n) => n + 1);
  }, []);

  return {
    active,
    tracks,
    bySection: tracksBySection(tracks ?? []),
    playUrls,
    loadError,
    actionError,
    busyAction,
    regenerate,
    retry,
    watch,
    refreshUrls,
    reload,
  };
}
