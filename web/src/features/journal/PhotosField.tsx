import { useRef } from 'react';
import { acceptFor, MEDIA_RULES } from '../../api/mediaFiles';
import type { UploadTicket } from '../../api/upload';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { UploadProgress } from '../../ui/UploadProgress';
import type { useMediaUpload } from '../../ui/useMediaUpload';
import { MAX_PHOTOS } from './entry';

export interface ShownPhoto {
  url: string;
  /** The API's link, or the chosen file itself until the entry is saved; null: not viewable. */
  src: string | null;
}

/** The entry's photos: thumbnails, add one (uploaded at once, with progress), remove. */
export function PhotosField({
  upload,
  photos,
  onAdded,
  onRemove,
  errors,
  disabled = false,
}: {
  /** The upload in progress (the editor holds it, to wait for it before saving). */
  upload: ReturnType<typeof useMediaUpload>;
  photos: ShownPhoto[];
  onAdded: (ticket: UploadTicket, file: File) => void;
  onRemove: (index: number) => void;
  /** Field errors by input; `image_urls` is this one's. */
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const shown = {
    ...errors,
    ...(upload.state.kind === 'invalid' ? { image_urls: upload.state.message } : {}),
  };
  const full = photos.length >= MAX_PHOTOS;
  const uploading = upload.state.kind === 'uploading';

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const ticket = await upload.upload(file);
    if (input.current) input.current.value = '';
    if (ticket?.media_url) onAdded(ticket, file);
  };

  return (
    <section className="vf-card jn-side-card" aria-labelledby="jn-photos-title">
      <h2 className="vf-card__title" id="jn-photos-title">
        Photos
      </h2>
      {photos.length > 0 && (
        <ul className="jn-photos">
          {photos.map((photo, index) => (
            <li key={photo.url} className="jn-photo">
              {photo.src ? (
                <img className="jn-photo__image" src={photo.src} alt={`Photo ${index + 1}`} />
              ) : (
                <span className="jn-photo__missing">Photo {index + 1} can't be shown</span>
              )}
              <button
                type="button"
                className="vf-button vf-button--quiet vf-button--small"
                disabled={disabled}
                onClick={() => onRemove(index)}
              >
                Remove<span className="vf-visually-hidden"> photo {index + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="vf-field">
        <label className="vf-label" htmlFor="jn-image_urls">
          {photos.length > 0 ? 'Add another photo' : 'Add a photo'}
        </label>
        <p className="jn-hint" id="jn-photo-hint">
          {full
            ? `This entry has the most photos it can hold (${MAX_PHOTOS}).`
            : MEDIA_RULES.journal_image.hint}
        </p>
        <input
          ref={input}
          id="jn-image_urls"
          className="jn-file"
          type="file"
          accept={acceptFor('journal_image')}
          disabled={disabled || uploading || full}
          onChange={(event) => void choose(event.target.files?.[0])}
          {...fieldErrorProps('image_urls', shown, 'jn-photo-hint')}
        />
        <FieldError name="image_urls" errors={shown} />
      </div>
      <UploadProgress state={upload.state} label="Uploading the photo" />
      {upload.state.kind === 'failed' && (
        <ErrorNotice error={upload.state.error} onRetry={() => input.current?.click()} />
      )}
    </section>
  );
}
