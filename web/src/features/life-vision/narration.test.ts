import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  keepPlayUrl,
  missingSections,
  narrationWords,
  PLAY_URL_KEEP_MS,
  sectionsToNarrate,
  SETTLE_MS,
  shouldPoll,
  tracksBySection,
  WATCH_MS,
  type Track,
} from './narration';

const track = (over: Partial<Track>): Track => ({
  id: 't1',
  section_key: 'fun',
  status: 'completed',
  current: true,
  duration_seconds: 7,
  play_url: 'http://s3/fun.mp3?sig=1',
  ...over,
});

describe('narration status in words', () => {
  it('names each status', () => {
    expect(narrationWords(track({ status: 'pending' }), true)).toMatchObject({
      label: 'Queued',
      tone: 'busy',
    });
    expect(narrationWords(track({ status: 'processing' }), true).label).toBe('Processing');
    expect(narrationWords(track({}), true)).toMatchObject({
      label: 'Completed',
      detail: 'Narrated (0:07).',
      tone: 'done',
    });
    expect(
      narrationWords(track({ status: 'failed', error_message: 'espeak crashed' }), true),
    ).toMatchObject({ label: 'Failed', detail: 'Narration failed: espeak crashed.' });
  });

  it('says when newer text awaits narration', () => {
    const words = narrationWords(track({ current: false }), true);
    expect(words.detail).toContain('Newer text awaiting narration.');
    expect(words.tone).toBe('neutral');
  });

  it('tells a blank section from a written one without a track', () => {
    expect(narrationWords(undefined, false).detail).toMatch(/Write this section/);
    expect(narrationWords(undefined, true).detail).toMatch(/No narration yet/);
  });

  it('formats durations', () => {
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(62)).toBe('1:02');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(undefined)).toBe('');
    expect(formatDuration(-1)).toBe('');
  });
});

describe('polling', () => {
  const now = 1_000_000;

  it('polls while a track is queued or processing', () => {
    expect(
      shouldPoll({ tracks: [track({ status: 'pending' })], texts: {}, watchSince: null, now }),
    ).toBe(true);
    expect(
      shouldPoll({ tracks: [track({ status: 'processing' })], texts: {}, watchSince: null, now }),
    ).toBe(true);
  });

  it('stops when every track is settled and nothing is being watched', () => {
    expect(
      shouldPoll({
        tracks: [track({}), track({ status: 'failed' })],
        texts: { fun: 'x' },
        watchSince: null,
        now,
      }),
    ).toBe(false);
    expect(shouldPoll({ tracks: [], texts: { fun: 'x' }, watchSince: null, now })).toBe(false);
  });

  it('after a change, polls a little while, then only while written sections lack a current track', () => {
    const texts = { fun: 'x', health: 'y' };
    const settled = [track({ section_key: 'fun' }), track({ id: 't2', section_key: 'health' })];
    expect(shouldPoll({ tracks: settled, texts, watchSince: now - 1000, now })).toBe(true);
    expect(shouldPoll({ tracks: settled, texts, watchSince: now - SETTLE_MS, now })).toBe(false);
    const oneMissing = [track({ section_key: 'fun' })];
    expect(shouldPoll({ tracks: oneMissing, texts, watchSince: now - SETTLE_MS, now })).toBe(true);
    expect(shouldPoll({ tracks: oneMissing, texts, watchSince: now - WATCH_MS, now })).toBe(false);
  });

  it('knows which written sections have no current track', () => {
    const tracks = [
      track({ section_key: 'fun', current: false }),
      track({ section_key: 'health' }),
    ];
    expect(missingSections(tracks, { fun: 'a', health: 'b', money: 'c', travel: ' ' })).toEqual([
      'fun',
      'money',
    ]);
    expect(tracksBySection(tracks).health?.id).toBe('t1');
    expect(tracksBySection([track({ section_key: 'unknown' as never })])).toEqual({});
  });

  it('narrates written sections only, in reading order', () => {
    expect(sectionsToNarrate({ conclusion: 'c', forward: 'f', fun: ' ' })).toEqual([
      'forward',
      'conclusion',
    ]);
  });
});

describe('the play URL a player keeps', () => {
  it('keeps its URL while the same completed track is fresh, takes a new one after', () => {
    const first = keepPlayUrl(undefined, track({}), 0);
    expect(first).toEqual({ trackId: 't1', url: 'http://s3/fun.mp3?sig=1', at: 0 });
    const polled = track({ play_url: 'http://s3/fun.mp3?sig=2' });
    expect(keepPlayUrl(first, polled, 60_000)).toBe(first);
    expect(keepPlayUrl(first, polled, PLAY_URL_KEEP_MS)?.url).toBe('http://s3/fun.mp3?sig=2');
    expect(keepPlayUrl(first, track({ id: 't9', play_url: 'new' }), 1)?.url).toBe('new');
  });

  it('has no URL for a track that is not completed', () => {
    expect(
      keepPlayUrl(undefined, track({ status: 'pending', play_url: undefined }), 0),
    ).toBeUndefined();
    expect(keepPlayUrl(undefined, undefined, 0)).toBeUndefined();
  });
});
