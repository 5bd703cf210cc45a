import { useId, useRef, useState } from 'react';
import { toUiError, type UiError } from '../../api/problem';
import { uploadMedia, uploadPercent } from '../../api/upload';
import { useApi } from '../../api/useApi';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { pictureLinkOf, type ProfileVersion } from './versions';

type Upload =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'saving' }
  | { kind: 'done' }
  | { kind: 'failed'; error: UiError };

/**
 * The profile picture: shown from the version's link; a new one goes through media-service
 * (ticket, PUT with progress, confirm), then its media_url is saved in profile_picture_url.
 */
export function PhotoField({
  version,
  onUploaded,
  disabled,
}: {
  version: ProfileVersion;
  /** Saves the reference in the draft; false when the draft went stale meanwhile. */
  onUploaded: (mediaUrl: string) => Promise<boolean>;
  disabled?: boolean;
}) {
  const api = useApi();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload>({ kind: 'idle' });
  const link = pictureLinkOf(version);
  const hasPicture = !!version.profile_picture_url;
  const errors = upload.kind === 'failed' ? upload.error.fieldErrors : {};
  const fileErrors = {
    ...(errors.content_type ? { file: errors.content_type } : {}),
    ...(errors.size_bytes ? { file: errors.size_bytes } : {}),
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setUpload({ kind: 'uploading', percent: 0 });
    try {
      const ticket = await uploadMedia(api, file, 'profile_picture', (loaded, total) =>
        setUpload({ kind: 'uploading', percent: uploadPercent(loaded, total) }),
      );
      setUpload({ kind: 'saving' });
      const saved = ticket.media_url ? await onUploaded(ticket.media_url) : false;
      setUpload(saved ? { kind: 'done' } : { kind: 'idle' });
    } catch (error) {
      setUpload({ kind: 'failed', error: toUiError(error) });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const busy = upload.kind === 'uploading' || upload.kind === 'saving';

  return (
    <section className="pf-photo vf-card" aria-labelledby={`${id}-title`}>
      <h2 className="vf-card__title" id={`${id}-title`}>
        Profile picture
      </h2>
      <div className="pf-photo__body">
        <div className="pf-photo__frame">
          {link ? (
            <img className="pf-photo__image" src={link} alt="Your profile picture" />
          ) : (
            <span className="pf-photo__placeholder">
              {hasPicture ? 'Picture saved' : 'No picture yet'}
            </span>
          )}
        </div>
        <div className="pf-photo__controls">
          <div className="vf-field">
            <label className="vf-label" htmlFor={`${id}-file`}>
              {hasPicture ? 'Choose a new picture' : 'Choose a picture'}
            </label>
            <p className="vf-hint" id={`${id}-hint`}>
              A JPEG, PNG, WebP or HEIC image, up to 10 MB.
            </p>
            <input
              ref={input}
              id={`${id}-file`}
              className="pf-file"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/heic"
              disabled={busy || disabled}
              onChange={(event) => void choose(event.target.files?.[0])}
              {...fieldErrorProps('file', fileErrors, `${id}-hint`)}
            />
            <FieldError name="file" errors={fileErrors} />
          </div>
          {upload.kind === 'uploading' && (
            <div className="pf-upload">
              <progress
                className="vf-progress"
                max={100}
                value={upload.percent}
                aria-label="Uploading your picture"
              />
              <span className="vf-hint">{upload.percent}% uploaded</span>
            </div>
          )}
          <p className="vf-hint" role="status">
            {upload.kind === 'saving'
              ? 'Saving your picture…'
              : upload.kind === 'done'
                ? 'Your new picture is in this draft.'
                : ''}
          </p>
          {upload.kind === 'failed' && Object.keys(fileErrors).length === 0 && (
            <ErrorNotice
              error={upload.error}
              onRetry={() => {
                setUpload({ kind: 'idle' });
                input.current?.click();
              }}
            />
          )}
        </div>
      </div>
    </section>
  );
}
