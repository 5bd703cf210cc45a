import { MEDIA_RULES } from '../../api/mediaFiles';
import type { UploadTicket } from '../../api/upload';
import { MediaFileField } from '../../ui/MediaFileField';
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
  const full = photos.length >= MAX_PHOTOS;

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
      <MediaFileField
        id="jn-image_urls"
        name="image_urls"
        purpose="journal_image"
        upload={upload}
        label={photos.length > 0 ? 'Add another photo' : 'Add a photo'}
        hint={
          full
            ? `This entry has the most photos it can hold (${MAX_PHOTOS}).`
            : MEDIA_RULES.journal_image.hint
        }
        hintId="jn-photo-hint"
        progressLabel="Uploading the photo"
        errors={errors}
        disabled={disabled || full}
        onUploaded={onAdded}
      />
    </section>
  );
}
