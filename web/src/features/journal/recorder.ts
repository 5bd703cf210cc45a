/**
 * A voice recording from the microphone, as a state machine: asking for the microphone, recording,
 * then uploading the audio and adding it to the entry. Pure: the hook (useVoiceNote) feeds it the
 * browser's events; every transition that makes no sense in a state is ignored.
 */
import type { UiError } from '../../api/problem';

export type VoiceState =
  | { kind: 'idle' }
  /** This browser cannot record, or the microphone was refused or is missing (in words). */
  | { kind: 'unavailable'; message: string }
  | { kind: 'asking' }
  | { kind: 'recording'; startedAt: number }
  | { kind: 'stopping'; seconds: number }
  | { kind: 'uploading'; seconds: number; percent: number }
  /** Adding the uploaded recording to the entry. */
  | { kind: 'saving'; seconds: number }
  | { kind: 'done'; seconds: number }
  | { kind: 'failed'; error: UiError };

export type VoiceEvent =
  | { type: 'ask' }
  | { type: 'unsupported' }
  | { type: 'refused'; reason: string }
  | { type: 'granted'; at: number }
  | { type: 'stop'; at: number }
  | { type: 'recorded' }
  | { type: 'progress'; percent: number }
  | { type: 'uploaded' }
  | { type: 'saved' }
  | { type: 'failed'; error: UiError }
  | { type: 'reset' };

/** The longest recording; the hook stops by itself then. */
export const MAX_SECONDS = 10 * 60;

/** Seconds between two instants (ms), to a tenth, never negative. */
export function recordedSeconds(startedAt: number, stoppedAt: number): number {
  return Math.max(0, Math.round((stoppedAt - startedAt) / 100) / 10);
}

/** "0:02", "1:05", "12:00". */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Whether a new recording can be started (nothing in flight; after a refusal, to try again). */
export function canStart(state: VoiceState): boolean {
  return (
    state.kind === 'idle' ||
    state.kind === 'done' ||
    state.kind === 'failed' ||
    state.kind === 'unavailable'
  );
}

/** Whether something is in flight (the entry should not be saved meanwhile). */
export function isBusy(state: VoiceState): boolean {
  return (
    state.kind === 'asking' ||
    state.kind === 'recording' ||
    state.kind === 'stopping' ||
    state.kind === 'uploading' ||
    state.kind === 'saving'
  );
}

/** Why the microphone can't be used, from getUserMedia's error name, in words. */
export function microphoneProblem(reason: string): string {
  const rest = 'You can still write your entry and add photos.';
  switch (reason) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return `Microphone access was not allowed. To record, allow the microphone for this site in your browser's settings. ${rest}`;
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return `No microphone was found. Connect one to record. ${rest}`;
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return `The microphone could not be started; another app may be using it. ${rest}`;
    case 'unsupported':
      return `This browser can't record audio here. ${rest}`;
    default:
      return `The microphone could not be used. ${rest}`;
  }
}

export function voiceReducer(state: VoiceState, event: VoiceEvent): VoiceState {
  switch (event.type) {
    case 'ask':
      return canStart(state) ? { kind: 'asking' } : state;
    case 'unsupported':
      return { kind: 'unavailable', message: microphoneProblem('unsupported') };
    case 'refused':
      return state.kind === 'asking' || state.kind === 'recording'
        ? { kind: 'unavailable', message: microphoneProblem(event.reason) }
        : state;
    case 'granted':
      return state.kind === 'asking' ? { kind: 'recording', startedAt: event.at } : state;
    case 'stop':
      return state.kind === 'recording'
        ? { kind: 'stopping', seconds: recordedSeconds(state.startedAt, event.at) }
        : state;
    case 'recorded':
      return state.kind === 'stopping'
        ? { kind: 'uploading', seconds: state.seconds, percent: 0 }
        : state;
    case 'progress':
      return state.kind === 'uploading'
        ? { ...state, percent: Math.min(100, Math.max(state.percent, event.percent)) }
        : state;
    case 'uploaded':
      return state.kind === 'uploading' ? { kind: 'saving', seconds: state.seconds } : state;
    case 'saved':
      return state.kind === 'saving' ? { kind: 'done', seconds: state.seconds } : state;
    case 'failed':
      return isBusy(state) ? { kind: 'failed', error: event.error } : state;
    case 'reset':
      return { kind: 'idle' };
  }
}

/** What the status line says in each state. */
export function voiceWords(state: VoiceState, now: number): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'unavailable':
      return state.message;
    case 'asking':
      return 'Waiting for the microphone…';
    case 'recording':
      return `Recording… ${clockText(recordedSeconds(state.startedAt, now))}`;
    case 'stopping':
      return 'Finishing the recording…';
    case 'uploading':
      return `Uploading the recording: ${state.percent}%`;
    case 'saving':
      return 'Adding the recording…';
    case 'done':
      return `Recording added (${clockText(state.seconds)}).`;
    case 'failed':
      return 'The recording could not be added.';
  }
}

/** Container types MediaRecorder may offer, best first; all of them accepted by media-service. */
const CANDIDATES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

/** The first type this browser's MediaRecorder supports, or undefined (let it choose). */
export function pickMimeType(isTypeSupported: (type: string) => boolean): string | undefined {
  return CANDIDATES.find((type) => {
    try {
      return isTypeSupported(type);
    } catch {
      return false;
    }
  });
}
