import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { resolveStale, type StaleChoice } from '../../api/conflict';
import { acceptFor, MEDIA_RULES } from '../../api/mediaFiles';
import { ApiFailure, toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { CATEGORY_LABELS, LIFE_CATEGORIES } from '../../ui/lifeCategories';
import { Loading } from '../../ui/Loading';
import { StaleEditDialog } from '../../ui/StaleEditDialog';
import { UploadProgress } from '../../ui/UploadProgress';
import { useMediaUpload } from '../../ui/useMediaUpload';
import { usePageTitle } from '../../ui/usePageTitle';
import { createItem, discardUpload, loadItem, saveItem, type TaggedItem } from './api';
import {
  EMPTY_ITEM,
  FIELD_LABELS,
  STATUSES,
  STATUS_LABELS,
  itemErrors,
  itemFields,
  itemPatch,
  newItemBody,
  sortCategories,
  type ItemFields,
} from './board';

/** /vision-board/new and /vision-board/:id: the item form, once the item is loaded. */
export function ItemEditorPage() {
  const { id } = useParams();
  const api = useApi();
  const loaded = useResource(
    (signal) => (id ? loadItem(api, id, signal) : Promise.resolve(null)),
    [api, id],
  );
  usePageTitle(id ? 'Edit an item · Vision board' : 'Add an item · Vision board');

  return (
    <>
      <header className="vf-page-header">
        <p className="vf-eyebrow">
          <Link to="/vision-board">Vision board</Link>
        </p>
        <h1>{id ? 'Edit this item' : 'Add an item'}</h1>
      </header>
      {loaded.status === 'loading' && <Loading label="Loading the item…" />}
      {loaded.status === 'error' && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {loaded.status === 'ok' && <ItemForm key={id ?? 'new'} id={id} loaded={loaded.data} />}
    </>
  );
}

/** Errors of categories[3] and the like belong to the categories fieldset. */
function byInput(errors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const key = field.replace(/\[\d+\]$/, '');
    result[key] = result[key] ? `${result[key]}; ${message}` : message;
  }
  return result;
}

interface Conflict {
  choice: StaleChoice<ItemFields> | null;
  theirs: TaggedItem | null;
  error: UiError | null;
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<UiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const image = useMediaUpload('vision_board_image');
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!fresh) return;
    return () => URL.revokeObjectURL(fresh.preview);
  }, [fresh]);

  const clearError = (key: string) => {
    if (!errors[key]) return;
    setErrors((current) => {
      const next = { ...current };
      delete next[key];
      return next;
    });
  };

  const set = <K extends keyof ItemFields>(key: K, value: ItemFields[K]) => {
    setMine((current) => ({ ...current, [key]: value }));
    clearError(key);
  };

  const dropFresh = () => {
    if (fresh) void discardUpload(api, fresh.objectId).catch(() => undefined);
    setFresh(null);
  };

  const chooseImage = async (file: File | undefined) => {
    if (!file) return;
    clearError('image_url');
    const ticket = await image.upload(file);
    if (fileInput.current) fileInput.current.value = '';
    if (!ticket?.media_url || !ticket.id) return;
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

  const failed = (error: unknown) => {
    const ui = toUiError(error);
    if (ui.kind === 'validation' && Object.keys(ui.fieldErrors).length > 0) {
      setErrors(byInput(ui.fieldErrors));
    } else {
      setSaveError(ui);
    }
  };

  const openConflict = async () => {
    setConflict({ choice: null, theirs: null, error: null });
    if (!id) return;
    try {
      const theirs = await loadItem(api, id);
      const choice = resolveStale({
        base,
        mine,
        theirs: { fields: itemFields(theirs.item), etag: theirs.etag },
      });
      setConflict({ choice, theirs, error: null });
    } catch (error) {
      setConflict({ choice: null, theirs: null, error: toUiError(error) });
    }
  };

  const send = async (patchFrom: ItemFields, to: ItemFields, ifMatch: string) => {
    setSaving(true);
    setSaveError(null);
    try {
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
    } catch (error) {
      if (error instanceof ApiFailure && error.ui.kind === 'stale') void openConflict();
      else failed(error);
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = itemErrors(mine);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`vb-${first}`)?.focus();
      return;
    }
    void send(base, mine, etag);
  };

  const choose = (keep: 'theirs' | 'mine') => {
    const theirs = conflict?.theirs;
    const choice = conflict?.choice;
    if (!theirs || !choice) return;
    setConflict(null);
    const theirFields = choice.reloadTheirs.fields;
    if (keep === 'theirs') {
      dropFresh();
      setBase(theirFields);
      setMine(theirFields);
      setEtag(theirs.etag);
      setSavedLink(theirs.item.image_link ?? '');
      return;
    }
    setBase(theirFields);
    setMine(choice.keepMine.fields);
    setEtag(choice.keepMine.ifMatch);
    void send(theirFields, choice.keepMine.fields, choice.keepMine.ifMatch);
  };

  const shownErrors = {
    ...errors,
    ...(image.state.kind === 'invalid' ? { image_url: image.state.message } : {}),
  };
  const preview =
    fresh && mine.image_url === fresh.mediaUrl
      ? fresh.preview
      : mine.image_url === base.image_url
        ? savedLink
        : '';
  const uploading = image.state.kind === 'uploading';
  const chosen = sortCategories(mine.categories);

  return (
    <form className="vb-form" noValidate onSubmit={submit}>
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
            {...fieldErrorProps('name', shownErrors)}
          />
          <FieldError name="name" errors={shownErrors} />
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
            {...fieldErrorProps('description', shownErrors, 'vb-description-hint')}
          />
          <p className="vb-hint" id="vb-description-hint">
            How it looks and feels once it is yours. Optional.
          </p>
          <FieldError name="description" errors={shownErrors} />
        </div>

        <fieldset className="vb-fieldset" {...fieldErrorProps('categories', shownErrors)}>
          <legend className="vf-label">Life areas</legend>
          <ul className="vb-checks">
            {LIFE_CATEGORIES.map((key) => (
              <li key={key}>
                <label className="vb-check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(key)}
                    onChange={(event) =>
                      set(
                        'categories',
                        sortCategories(
                          event.target.checked ? [...chosen, key] : chosen.filter((c) => c !== key),
                        ),
                      )
                    }
                  />
                  {CATEGORY_LABELS[key]}
                </label>
              </li>
            ))}
          </ul>
          <FieldError name="categories" errors={shownErrors} />
        </fieldset>

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
            {...fieldErrorProps('status', shownErrors)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <FieldError name="status" errors={shownErrors} />
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
        <div className="vf-field">
          <label className="vf-label" htmlFor="vb-image_url">
            {mine.image_url ? 'Choose another picture' : 'Choose a picture'}
          </label>
          <p className="vb-hint" id="vb-image-hint">
            {MEDIA_RULES.vision_board_image.hint}
          </p>
          <input
            ref={fileInput}
            id="vb-image_url"
            className="vb-file"
            type="file"
            accept={acceptFor('vision_board_image')}
            disabled={uploading || saving}
            onChange={(event) => void chooseImage(event.target.files?.[0])}
            {...fieldErrorProps('image_url', shownErrors, 'vb-image-hint')}
          />
          <FieldError name="image_url" errors={shownErrors} />
        </div>
        <UploadProgress state={image.state} label="Uploading the picture" />
        {image.state.kind === 'failed' && (
          <ErrorNotice error={image.state.error} onRetry={() => fileInput.current?.click()} />
        )}
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

      <div className="vb-form__actions">
        {saveError && <ErrorNotice error={saveError} onRetry={() => void send(base, mine, etag)} />}
        <button type="submit" className="vf-button" disabled={saving || uploading}>
          {saving ? 'Saving…' : id ? 'Save changes' : 'Add to my board'}
        </button>
        <Link className="vf-button vf-button--quiet" to="/vision-board" onClick={() => dropFresh()}>
          Cancel
        </Link>
      </div>

      <StaleEditDialog
        open={!!conflict}
        what="this item"
        choice={conflict?.choice ?? null}
        error={conflict?.error ?? null}
        labels={FIELD_LABELS}
        busy={saving}
        onRetry={() => void openConflict()}
        onChoose={choose}
      />
    </form>
  );
}
