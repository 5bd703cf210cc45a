import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { resolveStale, type StaleChoice } from '../../api/conflict';
import { ApiFailure, toUiError, type UiError } from '../../api/problem';
import type { UploadTicket } from '../../api/upload';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { localIsoDate } from '../../ui/format';
import { CATEGORY_LABELS, LIFE_CATEGORIES } from '../../ui/lifeCategories';
import { Loading } from '../../ui/Loading';
import { StaleEditDialog } from '../../ui/StaleEditDialog';
import { useMediaUpload } from '../../ui/useMediaUpload';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  addRecording,
  createEntry,
  deleteEntry,
  discardUpload,
  loadEntry,
  removeRecording,
  saveEntry,
  type TaggedEntry,
} from './api';
import {
  FIELD_LABELS,
  emptyEntry,
  entryErrors,
  entryFields,
  entryPatch,
  errorsByInput,
  newEntryBody,
  photosOf,
  rebase,
  sortCategories,
  type EntryFields,
  type JournalEntry,
  type Recording,
} from './entry';
import { PhotosField } from './PhotosField';
import { isBusy } from './recorder';
import { RecordingsField, type ShownRecording } from './RecordingsField';
import { useVoiceNote } from './useVoiceNote';

/** /journal/new and /journal/:id: the entry form, once the entry is loaded. */
export function EntryEditorPage() {
  const { id } = useParams();
  const api = useApi();
  const loaded = useResource(
    (signal) => (id ? loadEntry(api, id, signal) : Promise.resolve(null)),
    [api, id],
  );
  usePageTitle(id ? 'Your entry · Journal' : 'Write an entry · Journal');
  return (
    <>
      <header className="vf-page-header">
        <p className="vf-eyebrow">
          <Link to="/journal">Journal</Link>
        </p>
        <h1>{id ? 'Your entry' : 'Write an entry'}</h1>
      </header>
      {loaded.status === 'loading' && <Loading label="Loading the entry…" />}
      {loaded.status === 'error' && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {loaded.status === 'ok' && <EntryForm key={id ?? 'new'} id={id} loaded={loaded.data} />}
    </>
  );
}

/** An upload this editor made and no saved entry holds yet: shown from the file itself. */
interface Fresh {
  preview: string;
  objectId: string;
}

interface Conflict {
  choice: StaleChoice<EntryFields> | null;
  theirs: TaggedEntry | null;
  error: UiError | null;
}

function EntryForm({ id, loaded }: { id: string | undefined; loaded: TaggedEntry | null }) {
  const api = useApi();
  const navigate = useNavigate();
  const [form, setForm] = useState(() => {
    const initial = loaded ? entryFields(loaded.entry) : emptyEntry(localIsoDate(new Date()));
    return { base: initial, mine: initial };
  });
  const { base, mine } = form;
  const [entry, setEntry] = useState<JournalEntry | null>(loaded?.entry ?? null);
  const [etag, setEtag] = useState(loaded?.etag ?? '');
  const [fresh, setFresh] = useState<Record<string, Fresh>>({});
  /** Recordings of an entry not yet written: sent with it on create. */
  const [pending, setPending] = useState<{ recording: Recording; fresh: Fresh }[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<UiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<UiError | null>(null);
  const photoUpload = useMediaUpload('journal_image');

  // Object URLs of chosen files live until the editor goes away.
  const previews = useRef<string[]>([]);
  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);
  const previewOf = (blob: Blob) => {
    const url = URL.createObjectURL(blob);
    previews.current.push(url);
    return url;
  };

  /** The entry came back from the server (a recording added or removed): rebase the form on it. */
  const applyServer = useCallback((tagged: TaggedEntry) => {
    const server = entryFields(tagged.entry);
    setEntry(tagged.entry);
    setEtag(tagged.etag);
    setForm((current) => ({ base: server, mine: rebase(current.base, current.mine, server) }));
  }, []);

  const saveRecording = useCallback(
    async (recording: Recording, blob: Blob, objectId: string) => {
      if (id) {
        applyServer(await addRecording(api, id, recording));
        return;
      }
      setPending((current) => [
        ...current,
        { recording, fresh: { preview: previewOf(blob), objectId } },
      ]);
    },
    [api, applyServer, id],
  );
  const voice = useVoiceNote(saveRecording);

  const clearError = (key: string) => {
    if (!errors[key]) return;
    setErrors((current) => {
      const next = { ...current };
      delete next[key];
      return next;
    });
  };

  const set = <K extends keyof EntryFields>(key: K, value: EntryFields[K]) => {
    setForm((current) => ({ ...current, mine: { ...current.mine, [key]: value } }));
    clearError(key);
  };

  const discard = (objectId: string) => void discardUpload(api, objectId).catch(() => undefined);

  const addPhoto = (ticket: UploadTicket, file: File) => {
    const url = ticket.media_url;
    if (!url || !ticket.id) return;
    const objectId = ticket.id;
    setFresh((current) => ({ ...current, [url]: { preview: previewOf(file), objectId } }));
    setForm((current) => ({
      ...current,
      mine: { ...current.mine, image_urls: [...current.mine.image_urls, url] },
    }));
    clearError('image_urls');
  };

  const removePhoto = (index: number) => {
    const url = mine.image_urls[index];
    if (url === undefined) return;
    const upload = fresh[url];
    if (upload && !base.image_urls.includes(url)) discard(upload.objectId);
    set(
      'image_urls',
      mine.image_urls.filter((_, i) => i !== index),
    );
  };

  const removeVoice = async (index: number) => {
    if (id) {
      applyServer(await removeRecording(api, id, index));
      return;
    }
    const gone = pending[index];
    if (gone) discard(gone.fresh.objectId);
    setPending((current) => current.filter((_, i) => i !== index));
  };

  const finish = (message: string) => navigate('/journal', { state: { saved: message } });

  const failed = (error: unknown) => {
    const ui = toUiError(error);
    if (ui.kind === 'validation' && Object.keys(ui.fieldErrors).length > 0) {
      setErrors(errorsByInput(ui.fieldErrors));
    }
    setSaveError(ui);
  };

  const openConflict = async () => {
    setConflict({ choice: null, theirs: null, error: null });
    if (!id) return;
    try {
      const theirs = await loadEntry(api, id);
      const choice = resolveStale({
        base,
        mine,
        theirs: { fields: entryFields(theirs.entry), etag: theirs.etag },
      });
      setConflict({ choice, theirs, error: null });
    } catch (error) {
      setConflict({ choice: null, theirs: null, error: toUiError(error) });
    }
  };

  const send = async (from: EntryFields, to: EntryFields, ifMatch: string) => {
    setSaving(true);
    setSaveError(null);
    try {
      if (!id) {
        await createEntry(
          api,
          newEntryBody(
            to,
            pending.map((p) => p.recording),
          ),
        );
        finish('Your entry is saved.');
        return;
      }
      const patch = entryPatch(from, to);
      if (Object.keys(patch).length > 0) await saveEntry(api, id, patch, ifMatch);
      finish('Your changes are saved.');
    } catch (error) {
      if (error instanceof ApiFailure && error.ui.kind === 'stale') void openConflict();
      else failed(error);
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = entryErrors(mine);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`jn-${first}`)?.focus();
      return;
    }
    void send(base, mine, etag);
  };

  const choose = (keep: 'theirs' | 'mine') => {
    const theirs = conflict?.theirs;
    const choice = conflict?.choice;
    if (!theirs || !choice) return;
    setConflict(null);
    setEntry(theirs.entry);
    const theirFields = choice.reloadTheirs.fields;
    if (keep === 'theirs') {
      setForm({ base: theirFields, mine: theirFields });
      setEtag(theirs.etag);
      return;
    }
    setForm({ base: theirFields, mine: choice.keepMine.fields });
    setEtag(choice.keepMine.ifMatch);
    void send(theirFields, choice.keepMine.fields, choice.keepMine.ifMatch);
  };

  const remove = async () => {
    if (!id) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await deleteEntry(api, id);
      finish('The entry was deleted.');
    } catch (error) {
      setDeleteError(toUiError(error));
      setDeleting(false);
    }
  };

  const serverLinks = new Map(entry ? photosOf(entry).map((p) => [p.url, p.link]) : []);
  const photos = mine.image_urls.map((url) => ({
    url,
    src: fresh[url]?.preview ?? serverLinks.get(url) ?? null,
  }));
  const recordings: ShownRecording[] = id
    ? (entry?.audio_recordings ?? []).map((r, i) => ({
        key: `${i}-${r.url ?? ''}`,
        src: r.link ?? null,
        duration: r.duration,
        createdAt: r.created_at,
      }))
    : pending.map((p) => ({
        key: p.recording.url,
        src: p.fresh.preview,
        duration: p.recording.duration,
        createdAt: p.recording.created_at,
      }));
  const busy = saving || photoUpload.state.kind === 'uploading' || isBusy(voice.state);
  const chosen = sortCategories(mine.categories);

  return (
    <form className="jn-editor" noValidate onSubmit={submit}>
      <div className="jn-editor__main vf-card">
        <div className="vf-field jn-date">
          <label className="vf-label" htmlFor="jn-date">
            Date
          </label>
          <input
            id="jn-date"
            className="vf-input"
            type="date"
            value={mine.date}
            required
            onChange={(event) => set('date', event.target.value)}
            {...fieldErrorProps('date', errors)}
          />
          <FieldError name="date" errors={errors} />
        </div>
        <div className="vf-field">
          <label className="vf-label" htmlFor="jn-title">
            Title
          </label>
          <input
            id="jn-title"
            className="vf-input"
            value={mine.title}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => set('title', event.target.value)}
            {...fieldErrorProps('title', errors, 'jn-title-hint')}
          />
          <p className="jn-hint" id="jn-title-hint">
            Optional.
          </p>
          <FieldError name="title" errors={errors} />
        </div>
        <div className="vf-field">
          <label className="vf-label" htmlFor="jn-content">
            Your entry
          </label>
          <textarea
            id="jn-content"
            className="vf-textarea jn-content"
            value={mine.content}
            onChange={(event) => set('content', event.target.value)}
            {...fieldErrorProps('content', errors, 'jn-content-hint')}
          />
          <p className="jn-hint" id="jn-content-hint">
            What happened, what you felt, what you are grateful for.
          </p>
          <FieldError name="content" errors={errors} />
        </div>
        <fieldset className="jn-fieldset" {...fieldErrorProps('categories', errors)}>
          <legend className="vf-label">Life areas</legend>
          <ul className="jn-checks">
            {LIFE_CATEGORIES.map((key) => (
              <li key={key}>
                <label className="jn-check">
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
          <FieldError name="categories" errors={errors} />
        </fieldset>
      </div>

      <div className="jn-editor__side">
        <PhotosField
          upload={photoUpload}
          photos={photos}
          errors={errors}
          disabled={saving}
          onAdded={addPhoto}
          onRemove={removePhoto}
        />
        <RecordingsField
          voice={voice}
          recordings={recordings}
          disabled={saving}
          onRemove={removeVoice}
          {...(errors.audio_recordings ? { error: errors.audio_recordings } : {})}
        />
      </div>

      <div className="jn-editor__actions">
        {saveError && (
          <ErrorNotice
            error={saveError}
            onRetry={() => void send(base, mine, etag)}
            showFields={saveError.kind === 'validation'}
            fieldLabels={FIELD_LABELS}
          />
        )}
        <button type="submit" className="vf-button" disabled={busy}>
          {saving ? 'Saving…' : id ? 'Save changes' : 'Save entry'}
        </button>
        <Link className="vf-button vf-button--quiet" to="/journal">
          {id ? 'Back to the journal' : 'Cancel'}
        </Link>
        {id && (
          <button
            type="button"
            className="vf-button vf-button--quiet jn-delete jn-editor__delete"
            disabled={saving}
            onClick={() => {
              setDeleteError(null);
              setConfirmDelete(true);
            }}
          >
            Delete this entry
          </button>
        )}
      </div>

      <StaleEditDialog
        open={!!conflict}
        what="this entry"
        choice={conflict?.choice ?? null}
        error={conflict?.error ?? null}
        labels={FIELD_LABELS}
        busy={saving}
        onRetry={() => void openConflict()}
        onChoose={choose}
      />
      <Dialog
        open={confirmDelete}
        title="Delete this entry?"
        onClose={() => !deleting && setConfirmDelete(false)}
        actions={
          <>
            <button
              type="button"
              className="vf-button vf-button--quiet"
              disabled={deleting}
              onClick={() => setConfirmDelete(false)}
            >
              Keep it
            </button>
            <button
              type="button"
              className="vf-button jn-danger"
              disabled={deleting}
              onClick={() => void remove()}
            >
              {deleting ? 'Deleting…' : 'Delete'}
            </button>
          </>
        }
      >
        <p>The entry, its photos and its recordings will be deleted. This can’t be undone.</p>
        {deleteError && <ErrorNotice error={deleteError} onRetry={() => void remove()} />}
      </Dialog>
    </form>
  );
}
