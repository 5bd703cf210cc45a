import { describe, expect, it } from 'vitest';
import {
  anyPending,
  shownTranscript,
  TRANSCRIPT_FOLD_LENGTH,
  transcriptStatusLabel,
} from './transcript';

describe('transcriptStatusLabel', () => {
  it('says where the transcription stands', () => {
    expect(transcriptStatusLabel('pending')).toBe('Transcribing…');
    expect(transcriptStatusLabel('provided')).toBe('(your words)');
    expect(transcriptStatusLabel('failed', 'not enough AI tokens: 3 remaining, 9 required')).toBe(
      'No transcript: not enough AI tokens: 3 remaining, 9 required',
    );
    expect(transcriptStatusLabel('unavailable', ' no transcription service on this server ')).toBe(
      'No transcript: no transcription service on this server',
    );
  });

  it('still gives a reason when the server gave none', () => {
    expect(transcriptStatusLabel('failed', null)).toBe('No transcript: the transcription failed.');
    expect(transcriptStatusLabel('unavailable', '  ')).toMatch(/^No transcript: /);
  });

  it('says nothing for the machine’s transcript, old recordings and unknown statuses', () => {
    expect(transcriptStatusLabel('completed')).toBe('');
    expect(transcriptStatusLabel(null)).toBe('');
    expect(transcriptStatusLabel(undefined)).toBe('');
    expect(transcriptStatusLabel('something_new')).toBe('');
  });
});

describe('shownTranscript', () => {
  it('shows a short transcript whole, marking the member’s own', () => {
    expect(
      shownTranscript({ transcript: ' The heron by the river. ', transcript_status: 'completed' }),
    ).toEqual({
      kind: 'text',
      label: 'Transcript',
      text: 'The heron by the river.',
      long: false,
      summary: 'The heron by the river.',
    });
    expect(
      shownTranscript({ transcript: 'My words', transcript_status: 'provided' }),
    ).toMatchObject({ kind: 'text', label: 'Transcript (your words)' });
    // from before transcription: shown, never guessed to be the member's
    expect(shownTranscript({ transcript: 'Old words' })).toMatchObject({ label: 'Transcript' });
  });

  it('folds a long transcript under the start of its first line', () => {
    const lines = shownTranscript({ transcript: 'First line.\nSecond line.' });
    expect(lines).toMatchObject({ kind: 'text', long: true, summary: 'First line.…' });

    const long = 'word '.repeat(TRANSCRIPT_FOLD_LENGTH / 2).trim();
    const shown = shownTranscript({ transcript: long, transcript_status: 'completed' });
    expect(shown.kind === 'text' && shown.long).toBe(true);
    expect(shown.kind === 'text' && shown.text).toBe(long);
    expect(shown.kind === 'text' && shown.summary).toMatch(/^word word .*word…$/);
    expect(shown.kind === 'text' && shown.summary.length).toBeLessThanOrEqual(81);
  });

  it('shows the status when there is no text yet, or never will be', () => {
    expect(shownTranscript({ transcript_status: 'pending' })).toEqual({
      kind: 'status',
      words: 'Transcribing…',
      pending: true,
    });
    expect(
      shownTranscript({
        transcript: '',
        transcript_status: 'unavailable',
        transcript_note: 'a video',
      }),
    ).toEqual({ kind: 'status', words: 'No transcript: a video', pending: false });
    expect(shownTranscript({ transcript_status: 'completed', transcript: ' ' })).toMatchObject({
      kind: 'status',
      pending: false,
    });
  });

  it('shows nothing for an old recording without a transcript', () => {
    expect(shownTranscript({})).toEqual({ kind: 'none' });
    expect(shownTranscript({ transcript_status: null, transcript: null })).toEqual({
      kind: 'none',
    });
  });
});

describe('anyPending', () => {
  it('is true while a recording is being transcribed', () => {
    expect(anyPending([{ transcript_status: 'completed' }, { transcript_status: 'pending' }])).toBe(
      true,
    );
    expect(anyPending([{ transcript_status: 'failed' }, {}])).toBe(false);
    expect(anyPending(undefined)).toBe(false);
  });
});
