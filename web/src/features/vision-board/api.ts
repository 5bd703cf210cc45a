/** The vision board's API calls: vision-service items and stats. */
import { ifMatchHeader, unwrap, unwrapTagged, type Api, type FetchResult } from '../../api/client';
import type { Page } from '../../api/paging';
import {
  boardQuery,
  type BoardFilters,
  type BoardItem,
  type BoardItemChanges,
  type BoardStats,
  type NewBoardItem,
} from './board';

/** An item with the ETag of the answer that carried it (for If-Match). */
export interface TaggedItem {
  item: BoardItem;
  etag: string;
}

async function tagged(call: Promise<FetchResult<BoardItem>>): Promise<TaggedItem> {
  const { data, etag } = await unwrapTagged(call);
  return { item: data, etag };
}

export function loadItems(
  api: Api,
  filters: BoardFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<BoardItem>> {
  return unwrap(
    api.GET('/api/v1/vision-board/items', {
      params: { query: boardQuery(filters, cursor) },
      signal,
    }),
  );
}

export function loadStats(api: Api, signal?: AbortSignal): Promise<BoardStats> {
  return unwrap(api.GET('/api/v1/vision-board/stats', { signal }));
}

export function loadItem(api: Api, id: string, signal?: AbortSignal): Promise<TaggedItem> {
  return tagged(api.GET('/api/v1/vision-board/items/{id}', { params: { path: { id } }, signal }));
}

export function createItem(api: Api, body: NewBoardItem): Promise<TaggedItem> {
  return tagged(api.POST('/api/v1/vision-board/items', { body }));
}

export function saveItem(
  api: Api,
  id: string,
  patch: BoardItemChanges,
  ifMatch: string,
): Promise<TaggedItem> {
  return tagged(
    api.PATCH('/api/v1/vision-board/items/{id}', {
      params: { path: { id }, ...ifMatchHeader(ifMatch) },
      body: patch,
    }),
  );
}

export function actualizeItem(api: Api, id: string): Promise<BoardItem> {
  return unwrap(
    api.POST('/api/v1/vision-board/items/{id}/actualize', { params: { path: { id } } }),
  );
}

/**
 * Moves an actualized item back to active (which clears actualized_at). It reads the item first
 * for its current ETag: this one-field change is what the member asked for whatever else changed.
 */
export async function moveBack(api: Api, id: string): Promise<BoardItem> {
  const current = await loadItem(api, id);
  return (await saveItem(api, id, { status: 'active' }, current.etag)).item;
}

export async function deleteItem(api: Api, id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/vision-board/items/{id}', { params: { path: { id } } }));
}
