import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { MEDIA_RULES } from '../../api/mediaFiles';
import { discardUpload, type UploadTicket } from '../../api/upload';
import { useApi } from '../../api/useApi';
import { useFreshMediaLinks } from '../../api/useFreshMediaLinks';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { LifeAreasFieldset } from '../../ui/LifeAreas';
import { NewOrEditPage } from '../../ui/LoadedPage';
import { MediaFileField } from '../../ui/MediaFileField';
import { StaleEditDialog } from '../../ui/StaleEditDialog';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useFormSave } from '../../ui/useFormSave';
import { useMediaUpload } from '../../ui/useMediaUpload';
import { useStaleEdit } from '../../ui/useStaleEdit';
import { createItem, loadItem, saveItem, type TaggedItem } from './api';
import {
  EMPTY_ITEM,
  FIELD_LABELS,
  STATUSES,
  STATUS_LABELS,
  itemErrors,
  itemFields,
  itemPatch,
  newItemBody,
  type ItemFields,
} from './board';

/** /vision-board/new and /vision-board/:id: the item form, once the item is loaded. */
export function ItemEditorPage() {
  return (
    <NewOrEditPage
      section={{ to: '/vision-board', name: 'Vision board' }}
      titles={{ create: 'Add an item', edit: 'Edit this item' }}
      tabTitles={{ create: 'Add an item · Vision board', edit: 'Edit an item · Vision board' }}
      loadingLabel="Loading the item…"
      load={loadItem}
    >
      {(id, loaded) => <ItemForm id={id} loaded={loaded} />}
    </NewOrEditPage>
  );
}

function ItemForm({ id, loaded }: { id: string | undefined; loaded: TaggedItem | null }) {
  const api = useApi();
  const navigate = useNavigate();
  const initial = loaded ? itemFields(loaded.item) : EMPTY_ITEM;
  const [base, setBase] = useState<ItemFields>(initial);
  const [mine, setMine] = useState<ItemFields>(initial);
  const [etag, setEtag] = useState(loaded?.etag ?? '');
  /** The saved image's link (from the server), shown until another is chosen. */
  const [savedLink, setSavedLink] = useState(loaded?.item.image_link ?? '');
  /** A just-uploaded image, shown from the file itself until the item is saved. */
  const [fresh, setFresh] = useState<{
    mediaUrl: string;
    objectId: string;
    preview: string;
  } | null>(null);
  const { errors, setErrors, clear: clearError, check } = useFieldErrors();
  const image = useMediaUpload('vision_board_image');

  useEffect(() => {
    if (!fresh) return;
    return () => URL.revokeObjectURL(fresh.preview);
  }, [fresh]);

  // The saved picture's link expires: take a new one, unless the picture was changed elsewhere.
  useFreshMediaLinks(id && savedLink ? savedLink : null, () => {
    if (!id) return;
    void loadItem(api, id).then(
      (tagged) => {
        if ((tagged.item.image_url ?? '') === base.image_url) {
          setSavedLink(tagged.item.image_link ?? '');
        }
      },
      () => undefined,
    );
  });

  const set = <K extends keyof ItemFields>(key: K, value: ItemFields[K]) => {
    setMine((current) => ({ ...current, [key]: value }));
    clearError(key);
  };

  const dropFresh = () => {
    if (fresh) void discardUpload(api, fresh.objectId).catch(() => undefined);
    setFresh(null);
  };

  const keepImage = (ticket: UploadTicket, file: File) => {
    if (!ticket.media_url || !ticket.id) return;
    dropFresh();
    setFresh({
      mediaUrl: ticket.media_url,
      objectId: ticket.id,
      preview: URL.createObjectURL(file),
    });
    set('image_url', ticket.media_url);
  };

  const removeImage = () => {
    dropFresh();
    image.reset();
    set('image_url', '');
  };

  const finish = (name: string) =>
    navigate('/vision-board', {
      state: { saved: id ? `Your changes to “${name}” are saved.` : `“${name}” is on your board.` },
    });

  const stale = useStaleEdit({
    base,
    mine,
    load: async () => {
      if (!id) return null;
      const theirs = await loadItem(api, id);
      return { data: theirs, fields: itemFields(theirs.item), etag: theirs.etag };
    },
    apply: (keep, theirs: TaggedItem, choice) => {
      const theirFields = choice.reloadTheirs.fields;
      setBase(theirFields);
      if (keep === 'theirs') {
        dropFresh();
        setMine(theirFields);
        setEtag(theirs.etag);
        setSavedLink(theirs.item.image_link ?? '');
        return;
      }
      setMine(choice.keepMine.fields);
      setEtag(choice.keepMine.ifMatch);
      void send(theirFields, choice.keepMine.fields, choice.keepMine.ifMatch);
    },
  });

  const save = useFormSave({ onStale: () => void stale.open(), onFieldErrors: setErrors });
  const { saving, error: saveError } = save;

  const send = (patchFrom: ItemFields, to: ItemFields, ifMatch: string) =>
    save.run(async () => {
      if (!id) {
        const created = await createItem(api, newItemBody(to));
        setFresh(null);
        finish(created.item.name ?? to.name);
        return;
      }
      const patch = itemPatch(patchFrom, to);
      if (Object.keys(patch).length > 0) await saveItem(api, id, patch, ifMatch);
      setFresh(null);
      finish(to.name.trim());
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check(itemErrors(mine), 'vb-')) void send(base, mine, etag);
  };

  const preview =
    fresh && mine.image_url === fresh.mediaUrl
      ? fresh.preview
      : mine.image_url === base.image_url
        ? savedLink
        : '';
  const uploading = image.state.kind === 'uploading';

  return (
    <form className="vf-editor" noValidate onSubmit={submit}>
      <div className="vb-form__main vf-card">
        <div className="vf-field">
          <label className="vf-label" htmlFor="vb-name">
            Name
          </label>
          <input
            id="vb-name"
            className="vf-input"
            value={mine.name}
            maxLength={200}
            required
            autoComplete="off"
            onChange={(event) => set('name', event.target.value)}
            {...fieldErrorProps('name', errors)}
          />
          <FieldError name="name" errors={errors} />
        </div>

        <div className="vf-field">
          <label className="vf-label" htmlFor="vb-description">
            Description
          </label>
          <textarea
            id="vb-description"
            className="vf-textarea"
            value={mine.description}
            onChange={(event) => set('description', event.target.value)}
            {...fieldErrorProps('description', errors, 'vb-description-hint')}
          />
          <p className="vf-hint" id="vb-description-hint">
            How it looks and feels once it is yours. Optional.
          </p>
          <FieldError name="description" errors={errors} />
        </div>

        <LifeAreasFieldset
          className="vb-fieldset"
          chosen={mine.categories}
          onChange={(categories) => set('categories', categories)}
          errors={errors}
        />

        <div className="vf-field">
          <label className="vf-label" htmlFor="vb-status">
            Status
          </label>
          <select
            id="vb-status"
            className="vf-select vb-status-select"
            value={mine.status}
            onChange={(event) => {
              const next = STATUSES.find((s) => s === event.target.value);
              if (next) set('status', next);
            }}
            {...fieldErrorProps('status', errors)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <FieldError name="status" errors={errors} />
        </div>
      </div>

      <div className="vb-form__image vf-card">
        <h2 className="vf-card__title">Picture</h2>
        <div className="vb-preview">
          {preview ? (
            <img
              className="vb-preview__image"
              src={preview}
              alt={`Picture for ${mine.name || 'this item'}`}
            />
          ) : (
            <p className="vb-preview__empty">
              {mine.image_url ? 'Picture saved' : 'No picture yet'}
            </p>
          )}
        </div>
        <MediaFileField
          id="vb-image_url"
          name="image_url"
          purpose="vision_board_image"
          upload={image}
          label={mine.image_url ? 'Choose another picture' : 'Choose a picture'}
          hint={MEDIA_RULES.vision_board_image.hint}
          hintId="vb-image-hint"
          progressLabel="Uploading the picture"
          errors={errors}
          disabled={saving}
          onChoose={() => clearError('image_url')}
          onUploaded={keepImage}
        />
        {mine.image_url && !uploading && (
          <button
            type="button"
            className="vf-button vf-button--quiet vf-button--small"
            onClick={removeImage}
          >
            Remove the picture
          </button>
        )}
      </div>

      <div className="vf-editor__actions">
        {saveError && <ErrorNotice error={saveError} onRetry={() => void send(base, mine, etag)} />}
        <button type="submit" className="vf-button" disabled={saving || uploading}>
          {saving ? 'Saving…' : id ? 'Save changes' : 'Add to my board'}
        </button>
        <Link className="vf-button vf-button--quiet" to="/vision-board" onClick={() => dropFresh()}>
          Cancel
        </Link>
      </div>

      <StaleEditDialog what="this item" labels={FIELD_LABELS} busy={saving} {...stale.dialog} />
    </form>
  );
}
