import { useRef, type ReactNode } from 'react';
import { acceptFor } from '../api/mediaFiles';
import type { UploadPurpose, UploadTicket } from '../api/upload';
import { ErrorNotice } from './ErrorNotice';
import { FieldError } from './FieldError';
import { fieldErrorProps } from './fieldIds';
import { UploadProgress } from './UploadProgress';
import type { useMediaUpload } from './useMediaUpload';

/**
 * A file input that uploads the chosen file at once (src/ui/useMediaUpload.ts): label, hint, the
 * input, its error (a refused file is said here), the progress bar, and a failure with Retry, which
 * opens the file chooser again. The input is emptied after each try, so the same file can be chosen
 * again.
 */
export function MediaFileField({
  id,
  name,
  purpose,
  upload,
  label,
  hint,
  hintId,
  progressLabel,
  errors,
  disabled = false,
  onChoose,
  onUploaded,
}: {
  /** The input's id, e.g. `vb-image_url`. */
  id: string;
  /** The API field the stored `media_url` goes to; its errors are shown here. */
  name: string;
  purpose: UploadPurpose;
  /** The upload (the editor holds it, to wait for it before saving). */
  upload: ReturnType<typeof useMediaUpload>;
  label: string;
  hint: ReactNode;
  hintId: string;
  /** The progress bar's name, e.g. "Uploading the picture". */
  progressLabel: string;
  /** Field errors by input name. */
  errors: Record<string, string>;
  disabled?: boolean;
  /** A file was chosen, before it is uploaded. */
  onChoose?: () => void;
  /** The file is stored: its ticket carries the `media_url` (and `id`) to keep. */
  onUploaded: (ticket: UploadTicket, file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const shown =
    upload.state.kind === 'invalid' ? { ...errors, [name]: upload.state.message } : errors;

  const choose = async (file: File | undefined) => {
    if (!file) return;
    onChoose?.();
    const ticket = await upload.upload(file);
    if (input.current) input.current.value = '';
    if (ticket?.media_url) onUploaded(ticket, file);
  };

  return (
    <>
      <div className="vf-field">
        <label className="vf-label" htmlFor={id}>
          {label}
        </label>
        <p className="vf-hint" id={hintId}>
          {hint}
        </p>
        <input
          ref={input}
          id={id}
          className="vf-file"
          type="file"
          accept={acceptFor(purpose)}
          disabled={disabled || upload.state.kind === 'uploading'}
          onChange={(event) => void choose(event.target.files?.[0])}
          {...fieldErrorProps(name, shown, hintId)}
        />
        <FieldError name={name} errors={shown} />
      </div>
      <UploadProgress state={upload.state} label={progressLabel} />
      {upload.state.kind === 'failed' && (
        <ErrorNotice error={upload.state.error} onRetry={() => input.current?.click()} />
      )}
    </>
  );
}
