/**
 * Narration of a vision's sections (media-service audio tracks): the status in words, when to poll,
 * and which presigned play URL a player keeps. Pure: no React, no fetch.
 */
import type { Schemas } from '../../api/client';
import { isWritten, SECTION_KEYS, type SectionKey } from './sections';

export type Track = Schemas['AudioTrackView'];

/** How often the screen asks for the tracks while narration is under way. */
export const POLL_EVERY_MS = 3_000;
/** After a change that should start narration, poll at least this long (events take a moment). */
export const SETTLE_MS = 8_000;
/** ...and at most this long while a written section still has no current track. */
export const WATCH_MS = 90_000;
/** A presigned play URL lives 15 minutes; a player keeps its URL for 10, then takes a fresh one. */
export const PLAY_URL_KEEP_MS = 10 * 60_000;

export function isBusy(track: Track | undefined): boolean {
  return track?.status === 'pending' || track?.status === 'processing';
}

/** "0:07", "1:02:03"; '' when unknown. */
export function formatDuration(seconds: number | undefined | null): string {
  if (seconds === undefined || seconds === null || !Number.isFinite(seconds) || seconds < 0) {
    return '';
  }
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export interface NarrationWords {
  /** One word or two: Queued, Processing, Completed, Failed, Not narrated. */
  label: string;
  /** A sentence for the member. */
  detail: string;
  tone: 'neutral' | 'busy' | 'done' | 'problem';
}

/** The narration status of one section, in words. */
export function narrationWords(track: Track | undefined, written: boolean): NarrationWords {
  if (!track) {
    return written
      ? {
          label: 'Not narrated',
          detail: 'No narration yet for this section.',
          tone: 'neutral',
        }
      : {
          label: 'Not narrated',
          detail: 'Write this section to have it narrated.',
          tone: 'neutral',
        };
  }
  const stale = track.current === false ? ' Newer text awaiting narration.' : '';
  switch (track.status) {
    case 'pending':
      return { label: 'Queued', detail: `Queued for narration.${stale}`, tone: 'busy' };
    case 'processing':
      return { label: 'Processing', detail: `Being narrated now.${stale}`, tone: 'busy' };
    case 'completed': {
      const length = formatDuration(track.duration_seconds);
      return {
        label: 'Completed',
        detail: `Narrated${length ? ` (${length})` : ''}.${stale}`,
        tone: track.current === false ? 'neutral' : 'done',
      };
    }
    case 'failed': {
      const reason = track.error_message?.trim();
      return {
        label: 'Failed',
        detail: `Narration failed${reason ? `: ${reason}` : ''}.${stale}`,
        tone: 'problem',
      };
    }
    default:
      return {
        label: track.status ?? 'Unknown',
        detail: `Status: ${track.status}.`,
        tone: 'neutral',
      };
  }
}

/** The track of each section (the API sends at most one current track per section). */
export function tracksBySection(tracks: Track[] | undefined): Partial<Record<SectionKey, Track>> {
  const result: Partial<Record<SectionKey, Track>> = {};
  for (const track of tracks ?? []) {
    const key = track.section_key as SectionKey | undefined;
    if (key && (SECTION_KEYS as readonly string[]).includes(key)) result[key] = track;
  }
  return result;
}

/** Written sections without a current track: narration for them has not caught up yet. */
export function missingSections(
  tracks: Track[] | undefined,
  texts: Partial<Record<SectionKey, string>>,
): SectionKey[] {
  const bySection = tracksBySection(tracks);
  return SECTION_KEYS.filter((key) => {
    if (!isWritten(texts[key])) return false;
    const track = bySection[key];
    return !track || track.current === false;
  });
}

export interface PollInput {
  tracks: Track[] | undefined;
  texts: Partial<Record<SectionKey, string>>;
  /** When something that should start narration happened (completing, regenerating, a save of a complete vision). */
  watchSince: number | null;
  now: number;
}

/**
 * Whether to ask for the tracks again: while any track is queued or processing; and for a while
 * after a change that should start narration (at least SETTLE_MS, then while a written section still
 * lacks a current track, up to WATCH_MS).
 */
export function shouldPoll({ tracks, texts, watchSince, now }: PollInput): boolean {
  if ((tracks ?? []).some(isBusy)) return true;
  if (watchSince === null) return false;
  const age = now - watchSince;
  if (age < SETTLE_MS) return true;
  return age < WATCH_MS && missingSections(tracks, texts).length > 0;
}

export interface KeptUrl {
  trackId: string;
  url: string;
  at: number;
}

/**
 * The play URL a section's player uses. Each answer carries a new presigned URL; swapping it under
 * a player would restart it, so a player keeps its URL while it is the same completed track and the
 * URL is younger than PLAY_URL_KEEP_MS.
 */
export function keepPlayUrl(
  kept: KeptUrl | undefined,
  track: Track | undefined,
  now: number,
): KeptUrl | undefined {
  if (!track?.id || track.status !== 'completed' || !track.play_url) return undefined;
  if (kept && kept.trackId === track.id && now - kept.at < PLAY_URL_KEEP_MS) return kept;
  return { trackId: track.id, url: track.play_url, at: now };
}

/** The sections a "Narrate" request should name: written ones only, in reading order. */
export function sectionsToNarrate(texts: Partial<Record<SectionKey, string>>): SectionKey[] {
  return SECTION_KEYS.filter((key) => isWritten(texts[key]));
}
