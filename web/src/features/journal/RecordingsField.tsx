import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { RecordingTranscript } from '../../ui/RecordingTranscript';
import type { TranscribedRecording } from '../../ui/transcript';
import { useConfirmedAction } from '../../ui/useConfirmedAction';
import { canStart, clockText, microphoneProblem, voiceWords } from './recorder';
import type { useVoiceNote } from './useVoiceNote';

export interface ShownRecording {
  key: string;
  /** Where the browser plays it from: the API's link, or the just-recorded audio itself. */
  src: string | null;
  duration?: number | null;
  createdAt?: string | null;
  /** Its transcript and where the transcription stands, as the server has them (saved ones). */
  transcript?: TranscribedRecording;
}

/** The entry's voice recordings: play, read, record another (MediaRecorder), remove. */
export function RecordingsField({
  voice,
  recordings,
  onRemove,
  disabled = false,
  error,
}: {
  /** The recorder (the editor holds it, to wait for it before saving). */
  voice: ReturnType<typeof useVoiceNote>;
  recordings: ShownRecording[];
  /** Resolves once removed; rejects with what went wrong. */
  onRemove: (index: number) => Promise<void>;
  disabled?: boolean;
  /** A server error about the recordings (audio_recordings), shown here. */
  error?: string;
}) {
  const removal = useConfirmedAction(onRemove);
  const { state } = voice;
  const percent =
    state.kind === 'uploading' ? state.percent : state.kind === 'saving' ? 100 : undefined;

  return (
    <section className="vf-card jn-side-card" aria-labelledby="jn-voice-title">
      <h2 className="vf-card__title" id="jn-voice-title">
        Voice recordings
      </h2>
      {recordings.length === 0 ? (
        <p className="vf-card__note">Say it out loud: record a voice note for this entry.</p>
      ) : (
        <ol className="jn-recordings vf-list">
          {recordings.map((recording, index) => (
            <li key={recording.key} className="jn-recording">
              <p className="jn-recording__name">
                Recording {index + 1}
                {recording.duration ? ` · ${clockText(recording.duration)}` : ''}
                {recording.createdAt ? ` · ${formatDate(recording.createdAt)}` : ''}
              </p>
              {recording.src ? (
                <audio
                  className="jn-audio"
                  controls
                  preload="metadata"
                  src={recording.src}
                  aria-label={`Recording ${index + 1}`}
                />
              ) : (
                <p className="vf-card__note">This recording can't be played here.</p>
              )}
              {recording.transcript && <RecordingTranscript recording={recording.transcript} />}
              <button
                type="button"
                className="vf-button vf-button--quiet vf-button--small"
                disabled={disabled}
                onClick={() => removal.ask(index)}
              >
                Remove<span className="vf-visually-hidden"> recording {index + 1}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {error && <p className="vf-field-error">{error}</p>}

      {!voice.supported ? (
        <div className="vf-notice vf-notice--warning">
          <p className="vf-notice__text">{microphoneProblem('unsupported')}</p>
        </div>
      ) : state.kind === 'recording' ? (
        <button type="button" className="vf-button jn-stop" onClick={voice.stop}>
          <span className="jn-rec-dot" aria-hidden="true" />
          Stop recording
        </button>
      ) : (
        <button
          type="button"
          className="vf-button vf-button--quiet"
          disabled={disabled || !canStart(state)}
          onClick={() => void voice.start()}
        >
          {recordings.length > 0 ? 'Record another' : 'Record your voice'}
        </button>
      )}
      {percent !== undefined && (
        <progress
          className="vf-progress"
          max={100}
          value={percent}
          aria-label="Uploading the recording"
        />
      )}
      {state.kind === 'unavailable' ? (
        <div className="vf-notice vf-notice--warning jn-voice-notice" role="alert">
          <p className="vf-notice__text">{state.message}</p>
        </div>
      ) : null}
      <p className="vf-card__note jn-voice-status" role="status">
        {state.kind === 'unavailable' ? '' : voiceWords(state, voice.now)}
      </p>
      {state.kind === 'failed' && <ErrorNotice error={state.error} />}

      <ConfirmDialog
        action={removal}
        title="Remove this recording?"
        confirmLabel="Remove"
        busyLabel="Removing…"
      >
        <p>
          Recording {removal.target === null ? '' : removal.target + 1} will be removed from this
          entry.
        </p>
      </ConfirmDialog>
    </section>
  );
}
