import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { essentialType, fileProblem } from '../../api/mediaFiles';
import { toUiError, type UiError } from '../../api/problem';
import { uploadMedia, uploadPercent } from '../../api/upload';
import { useApi } from '../../api/useApi';
import type { Recording } from './entry';
import {
  MAX_SECONDS,
  canStart,
  pickMimeType,
  recordedSeconds,
  voiceReducer,
  type VoiceState,
} from './recorder';

/** What the field does with a finished upload: append it to the entry (or keep it for the new one). */
export type SaveRecording = (recording: Recording, blob: Blob, objectId: string) => Promise<void>;

function canRecord(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function' &&
    typeof MediaRecorder !== 'undefined'
  );
}

function failure(message: string): UiError {
  return {
    kind: 'other',
    title: 'The recording could not be used',
    message,
    fieldErrors: {},
    retryable: false,
  };
}

/**
 * A voice note from the microphone: MediaRecorder → a Blob → media-service (purpose journal_audio,
 * with progress) → `save`. The state machine is recorder.ts; this wires it to the browser.
 */
export function useVoiceNote(save: SaveRecording) {
  const api = useApi();
  const [state, dispatch] = useReducer(voiceReducer, { kind: 'idle' } as VoiceState);
  const [now, setNow] = useState(() => Date.now());
  const supported = canRecord();
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const startedAt = useRef(0);
  const alive = useRef(true);
  const latestSave = useRef(save);
  useEffect(() => {
    latestSave.current = save;
  });

  const releaseMicrophone = useCallback(() => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  }, []);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
      releaseMicrophone();
    };
  }, [releaseMicrophone]);

  const finish = useCallback(
    async (blob: Blob, seconds: number) => {
      if (!alive.current) return;
      const problem = fileProblem(blob, 'journal_audio');
      if (problem) {
        dispatch({ type: 'failed', error: failure(problem) });
        return;
      }
      dispatch({ type: 'recorded' });
      const body = new Blob([blob], { type: essentialType(blob.type) });
      try {
        const ticket = await uploadMedia(api, body, 'journal_audio', (loaded, total) =>
          dispatch({ type: 'progress', percent: uploadPercent(loaded, total) }),
        );
        dispatch({ type: 'uploaded' });
        if (!ticket.media_url || !ticket.id) throw new Error('The upload gave no reference.');
        await latestSave.current(
          {
            url: ticket.media_url,
            type: 'audio',
            duration: seconds,
            created_at: new Date().toISOString(),
          },
          blob,
          ticket.id,
        );
        dispatch({ type: 'saved' });
      } catch (error) {
        dispatch({ type: 'failed', error: toUiError(error) });
      }
    },
    [api],
  );

  const start = useCallback(async () => {
    if (!canRecord()) {
      dispatch({ type: 'unsupported' });
      return;
    }
    if (!canStart(state)) return;
    dispatch({ type: 'ask' });
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      dispatch({ type: 'refused', reason: error instanceof Error ? error.name : 'unknown' });
      return;
    }
    if (!alive.current) {
      media.getTracks().forEach((track) => track.stop());
      return;
    }
    stream.current = media;
    const mimeType = pickMimeType((type) => MediaRecorder.isTypeSupported(type));
    let rec: MediaRecorder;
    try {
      rec = new MediaRecorder(media, mimeType ? { mimeType } : undefined);
    } catch {
      releaseMicrophone();
      dispatch({ type: 'refused', reason: 'unsupported' });
      return;
    }
    const chunks: Blob[] = [];
    rec.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    rec.onstop = () => {
      releaseMicrophone();
      recorder.current = null;
      const seconds = recordedSeconds(startedAt.current, Date.now());
      const blob = new Blob(chunks, { type: rec.mimeType || mimeType || 'audio/webm' });
      void finish(blob, seconds);
    };
    recorder.current = rec;
    rec.start(1000);
    startedAt.current = Date.now();
    setNow(startedAt.current);
    dispatch({ type: 'granted', at: startedAt.current });
  }, [finish, releaseMicrophone, state]);

  const stop = useCallback(() => {
    const rec = recorder.current;
    if (!rec || rec.state === 'inactive') return;
    dispatch({ type: 'stop', at: Date.now() });
    rec.stop();
  }, []);

  const recording = state.kind === 'recording';

  // The running clock, and the stop at the longest allowed length.
  useEffect(() => {
    if (!recording) return;
    const tick = window.setInterval(() => setNow(Date.now()), 500);
    const limit = window.setTimeout(stop, MAX_SECONDS * 1000);
    return () => {
      window.clearInterval(tick);
      window.clearTimeout(limit);
    };
  }, [recording, stop]);

  const reset = useCallback(() => dispatch({ type: 'reset' }), []);

  return { state, now, supported, start, stop, reset };
}
