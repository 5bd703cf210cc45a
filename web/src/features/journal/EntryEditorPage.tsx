import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { discardUpload, type UploadTicket } from '../../api/upload';
import { useApi } from '../../api/useApi';
import { useFreshMediaLinks } from '../../api/useFreshMediaLinks';
import { useRefreshWhile } from '../../api/useRefreshWhile';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { localIsoDate } from '../../ui/format';
import { LifeAreasFieldset } from '../../ui/LifeAreas';
import { NewOrEditPage } from '../../ui/LoadedPage';
import { StaleEditDialog } from '../../ui/StaleEditDialog';
import { anyPending } from '../../ui/transcript';
import { useConfirmedAction } from '../../ui/useConfirmedAction';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useFormSave } from '../../ui/useFormSave';
import { useMediaUpload } from '../../ui/useMediaUpload';
import { useStaleEdit } from '../../ui/useStaleEdit';
import {
  addRecording,
  createEntry,
  deleteEntry,
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
  newEntryBody,
  photosOf,
  rebase,
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
  return (
    <NewOrEditPage
      section={{ to: '/journal', name: 'Journal' }}
      titles={{ create: 'Write an entry', edit: 'Your entry' }}
      tabTitles={{ create: 'Write an entry · Journal', edit: 'Your entry · Journal' }}
      loadingLabel="Loading the entry…"
      load={loadEntry}
    >
      {(id, loaded) => <EntryForm id={id} loaded={loaded} />}
    </NewOrEditPage>
  );
}

/** An upload this editor made and no saved entry holds yet: shown from the file itself. */
interface Fresh {
  preview: string;
  objectId: string;
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
  const { errors, setErrors, clear: clearError, check } = useFieldErrors();
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

  // The saved photos' and recordings' links expire: take them from the entry as it is now (the
  // form, its base and ETag stay, so a change made elsewhere still meets the stale-edit dialog).
  useFreshMediaLinks(id ? entry : null, () => {
    if (!id) return;
    void loadEntry(api, id).then(
      (tagged) => setEntry(tagged.entry),
      () => undefined,
    );
  });

  // A recording is transcribed a few seconds after its upload (the server copies the transcript
  // into the entry, its ETag unchanged): while one is pending, take the entry again every few
  // seconds, unless the entry changed here meanwhile (a recording added or removed).
  useRefreshWhile(!!id && anyPending(entry?.audio_recordings), async (signal) => {
    if (!id) return;
    const asked = entry;
    const tagged = await loadEntry(api, id, signal);
    if (!signal.aborted) setEntry((current) => (current === asked ? tagged.entry : current));
  });

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

  const stale = useStaleEdit({
    base,
    mine,
    load: async () => {
      if (!id) return null;
      const theirs = await loadEntry(api, id);
      return { data: theirs, fields: entryFields(theirs.entry), etag: theirs.etag };
    },
    apply: (keep, theirs: TaggedEntry, choice) => {
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
    },
  });

  const save = useFormSave({
    onStale: () => void stale.open(),
    onFieldErrors: setErrors,
    noticeForFields: true,
  });
  const { saving, error: saveError } = save;

  const send = (from: EntryFields, to: EntryFields, ifMatch: string) =>
    save.run(async () => {
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
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check(entryErrors(mine), 'jn-')) void send(base, mine, etag);
  };

  const deletion = useConfirmedAction(async (entryId: string) => {
    await deleteEntry(api, entryId);
    finish('The entry was deleted.');
  });

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
        transcript: r,
      }))
    : pending.map((p) => ({
        key: p.recording.url,
        src: p.fresh.preview,
        duration: p.recording.duration,
        createdAt: p.recording.created_at,
      }));
  const busy = saving || photoUpload.state.kind === 'uploading' || isBusy(voice.state);

  return (
    <form className="vf-editor" noValidate onSubmit={submit}>
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
          <p className="vf-hint" id="jn-title-hint">
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
          <p className="vf-hint" id="jn-content-hint">
            What happened, what you felt, what you are grateful for.
          </p>
          <FieldError name="content" errors={errors} />
        </div>
        <LifeAreasFieldset
          chosen={mine.categories}
          onChange={(categories) => set('categories', categories)}
          errors={errors}
        />
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

      <div className="vf-editor__actions">
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
            className="vf-button vf-button--quiet vf-button--delete jn-editor__delete"
            disabled={saving}
            onClick={() => deletion.ask(id)}
          >
            Delete this entry
          </button>
        )}
      </div>

      <StaleEditDialog what="this entry" labels={FIELD_LABELS} busy={saving} {...stale.dialog} />
      <ConfirmDialog
        action={deletion}
        title="Delete this entry?"
        confirmLabel="Delete"
        busyLabel="Deleting…"
      >
        <p>The entry, its photos and its recordings will be deleted. This can’t be undone.</p>
      </ConfirmDialog>
    </form>
  );
}
