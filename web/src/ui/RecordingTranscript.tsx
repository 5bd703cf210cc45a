import { shownTranscript, type TranscribedRecording } from './transcript';

/**
 * Under a recording (a journal voice note, a profile story recording): its transcript, folded in a
 * <details> when long, or a status line ("Transcribing…", "No transcript: <why>") that screen
 * readers hear when it changes. Nothing for an old recording without a transcript.
 */
export function RecordingTranscript({
  recording,
  className,
}: {
  recording: TranscribedRecording;
  /** The feature's spacing. */
  className?: string;
}) {
  const shown = shownTranscript(recording);
  if (shown.kind === 'none') return null;
  const pending = shown.kind === 'status' && shown.pending;
  const statusClass = `vf-transcript__status${pending ? ' vf-transcript__status--pending' : ''}`;
  return (
    <div className={className ? `vf-transcript ${className}` : 'vf-transcript'}>
      {shown.kind === 'text' &&
        (shown.long ? (
          <details className="vf-transcript__details">
            <summary className="vf-transcript__summary">
              <span className="vf-transcript__label">{shown.label}:</span> {shown.summary}
            </summary>
            <p className="vf-transcript__text">{shown.text}</p>
          </details>
        ) : (
          <p className="vf-transcript__text">
            <span className="vf-transcript__label">{shown.label}:</span> {shown.text}
          </p>
        ))}
      <p className={statusClass} role="status" aria-live="polite">
        {shown.kind === 'status' ? shown.words : ''}
      </p>
    </div>
  );
}
