import type { UploadState } from './useMediaUpload';

/**
 * The progress of an upload: a <progress> bar while the bytes go and once they are all there, and
 * a polite status line for screen readers.
 */
export function UploadProgress({ state, label }: { state: UploadState; label: string }) {
  const percent = state.kind === 'done' ? 100 : state.kind === 'uploading' ? state.percent : 0;
  const showBar = state.kind === 'uploading' || state.kind === 'done';
  const words =
    state.kind === 'done'
      ? 'Upload complete.'
      : state.kind === 'uploading'
        ? percent >= 100
          ? 'Finishing the upload…'
          : `${percent}% uploaded`
        : '';
  return (
    <div className="vf-upload-progress">
      {showBar && <progress className="vf-progress" max={100} value={percent} aria-label={label} />}
      <p className="vf-card__note" role="status">
        {words}
      </p>
    </div>
  );
}
