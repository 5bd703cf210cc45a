/**
 * What a recording shows of its transcript (src/ui/RecordingTranscript.tsx): the text, or a line
 * saying where the transcription stands. Shared by the journal's voice notes and the profile's
 * story recordings (both the API's RecordingView). Pure.
 */
import type { Schemas } from '../api/client';

export type TranscriptStatus = NonNullable<Schemas['RecordingView']['transcript_status']>;

/** The transcript fields of a recording as the API gives them (set by the server). */
export interface TranscribedRecording {
  transcript?: string | null;
  /** A TranscriptStatus; absent for recordings from before transcription. */
  transcript_status?: string | null;
  /** Why there is no transcript (yet). */
  transcript_note?: string | null;
}

/** A transcript longer than this, or of more than one line, is folded (its start as summary). */
export const TRANSCRIPT_FOLD_LENGTH = 160;
/** The most characters of a folded transcript's summary. */
export const TRANSCRIPT_SUMMARY_LENGTH = 80;

/**
 * The words for where a transcript stands: "Transcribing…", "No transcript: <why>", "(your words)"
 * for the member's own transcript; '' when there is nothing to say (the machine's transcript, an
 * old recording, a status this app does not know yet).
 */
export function transcriptStatusLabel(
  status: string | null | undefined,
  note?: string | null,
): string {
  const why = note?.trim();
  switch (status) {
    case 'pending':
      return 'Transcribing…';
    case 'unavailable':
      return `No transcript: ${why || 'this recording can’t be transcribed.'}`;
    case 'failed':
      return `No transcript: ${why || 'the transcription failed.'}`;
    case 'provided':
      return '(your words)';
    default:
      return '';
  }
}

export type ShownTranscript =
  | {
      kind: 'text';
      /** "Transcript", or "Transcript (your words)" when the member wrote it. */
      label: string;
      text: string;
      /** Folded: shown in a <details> under `summary`. */
      long: boolean;
      /** The start of its first line. */
      summary: string;
    }
  | { kind: 'status'; words: string; pending: boolean }
  | { kind: 'none' };

function summaryOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  const more = first.length < text.length;
  if (first.length <= TRANSCRIPT_SUMMARY_LENGTH) return more ? `${first}…` : first;
  const cut = first.slice(0, TRANSCRIPT_SUMMARY_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > TRANSCRIPT_SUMMARY_LENGTH * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What to show of a recording's transcript. */
export function shownTranscript(recording: TranscribedRecording): ShownTranscript {
  const text = recording.transcript?.trim() ?? '';
  const status = recording.transcript_status ?? null;
  if (text) {
    const mine = transcriptStatusLabel(status === 'provided' ? status : null);
    const long = text.length > TRANSCRIPT_FOLD_LENGTH || /\n/.test(text);
    return {
      kind: 'text',
      label: mine ? `Transcript ${mine}` : 'Transcript',
      text,
      long,
      summary: long ? summaryOf(text) : text,
    };
  }
  if (status === 'completed') {
    // Transcribed, and nothing was said (a silent recording).
    return { kind: 'status', words: 'No transcript: no words were heard.', pending: false };
  }
  const words = transcriptStatusLabel(status, recording.transcript_note);
  if (!words || status === 'provided') return { kind: 'none' };
  return { kind: 'status', words, pending: status === 'pending' };
}

/** Whether any of these recordings is still being transcribed (worth asking for again). */
export function anyPending(
  recordings: readonly TranscribedRecording[] | null | undefined,
): boolean {
  return (recordings ?? []).some((recording) => recording.transcript_status === 'pending');
}
