/** The journal's API calls: journal-service entries, recordings and stats. */
import { ifMatchHeader, unwrap, unwrapTagged, type Api, type FetchResult } from '../../api/client';
import type { Page } from '../../api/paging';
import { timeZone } from '../../ui/format';
import type { JournalEntry, JournalEntryChanges, NewJournalEntry, Recording } from './entry';
import { entriesQuery, type JournalFilters } from './filters';
import type { JournalStats } from './streak';

/** An entry with the ETag of the answer that carried it (for If-Match). */
export interface TaggedEntry {
  entry: JournalEntry;
  etag: string;
}

async function tagged(call: Promise<FetchResult<JournalEntry>>): Promise<TaggedEntry> {
  const { data, etag } = await unwrapTagged(call);
  return { entry: data, etag };
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
      params: { path: { id }, ...ifMatchHeader(ifMatch) },
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
