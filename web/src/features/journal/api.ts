/** The journal's API calls: journal-service entries, recordings and stats. */
import { unwrap, type Api } from '../../api/client';
import type { Page } from '../../api/paging';
import { ApiFailure, problemToUiError } from '../../api/problem';
import { timeZone } from '../../ui/format';
import type { JournalEntry, JournalEntryChanges, NewJournalEntry, Recording } from './entry';
import { entriesQuery, type JournalFilters } from './filters';
import type { JournalStats } from './streak';

/** An entry with the ETag of the answer that carried it (for If-Match). */
export interface TaggedEntry {
  entry: JournalEntry;
  etag: string;
}

interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

async function tagged(call: Promise<FetchResult<JournalEntry>>): Promise<TaggedEntry> {
  const { data, error, response } = await call;
  if (!response.ok || !data) {
    throw new ApiFailure(problemToUiError(response.status, error, response.headers));
  }
  return { entry: data, etag: response.headers.get('ETag') ?? '' };
}

export function loadEntries(
  api: Api,
  filters: JournalFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<JournalEntry>> {
  return unwrap(
    api.GET('/api/v1/journal/entries', {
      params: { query: entriesQuery(filters, cursor) },
      signal,
    }),
  );
}

/** Streak and counts, with "today" in the member's time zone. */
export function loadStats(api: Api, signal?: AbortSignal): Promise<JournalStats> {
  return unwrap(
    api.GET('/api/v1/journal/stats', { params: { query: { tz: timeZone() } }, signal }),
  );
}

export function loadEntry(api: Api, id: string, signal?: AbortSignal): Promise<TaggedEntry> {
  return tagged(api.GET('/api/v1/journal/entries/{id}', { params: { path: { id } }, signal }));
}

export function createEntry(api: Api, body: NewJournalEntry): Promise<TaggedEntry> {
  return tagged(
    api.POST('/api/v1/journal/entries', { params: { query: { tz: timeZone() } }, body }),
  );
}

export function saveEntry(
  api: Api,
  id: string,
  patch: JournalEntryChanges,
  ifMatch: string,
): Promise<TaggedEntry> {
  return tagged(
    api.PATCH('/api/v1/journal/entries/{id}', {
      params: { path: { id }, ...(ifMatch ? { header: { 'If-Match': ifMatch } } : {}) },
      body: patch,
    }),
  );
}

export function addRecording(api: Api, id: string, recording: Recording): Promise<TaggedEntry> {
  return tagged(
    api.POST('/api/v1/journal/entries/{id}/recordings', {
      params: { path: { id } },
      body: recording,
    }),
  );
}

export function removeRecording(api: Api, id: string, index: number): Promise<TaggedEntry> {
  return tagged(
    api.DELETE('/api/v1/journal/entries/{id}/recordings/{index}', {
      params: { path: { id, index } },
    }),
  );
}

export async function deleteEntry(api: Api, id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/journal/entries/{id}', { params: { path: { id } } }));
}

/** Removes an upload that no entry took (removed before the entry was saved). */
export async function discardUpload(api: Api, objectId: string): Promise<void> {
  await api.DELETE('/api/v1/media/objects/{id}', { params: { path: { id: objectId } } });
}
