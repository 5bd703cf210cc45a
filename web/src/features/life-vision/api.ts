/** The Life Vision screen's API calls: vision-service versions and media-service narration. */
import {
  ifMatchHeader,
  unwrap,
  unwrapOrNull,
  unwrapTagged,
  type Api,
  type FetchResult,
  type Schemas,
} from '../../api/client';
import { pageQuery } from '../../api/paging';
import type { Patch } from './autosave';
import type { Track } from './narration';
import type { Vision } from './versions';

export type VisionAudio = Schemas['VisionAudio'];

/** A vision with the ETag of the answer that carried it (for If-Match). */
export interface TaggedVision {
  vision: Vision;
  etag: string;
}

async function tagged(call: Promise<FetchResult<Vision>>): Promise<TaggedVision> {
  const { data, etag } = await unwrapTagged(call);
  return { vision: data, etag };
}

/** Most members have a handful of versions; this many pages of 100 is plenty. */
const MAX_PAGES = 10;

/** All my versions, newest first (following next_cursor). */
export async function loadVersions(api: Api, signal?: AbortSignal): Promise<Vision[]> {
  const all: Vision[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await unwrap(
      api.GET('/api/v1/visions', {
        params: { query: pageQuery(100, cursor) },
        signal,
      }),
    );
    all.push(...(answer.items ?? []));
    cursor = answer.next_cursor ?? undefined;
    if (!cursor) break;
  }
  return all;
}

export function loadVision(api: Api, id: string, signal?: AbortSignal): Promise<TaggedVision> {
  return tagged(api.GET('/api/v1/visions/{id}', { params: { path: { id } }, signal }));
}

export function createVision(
  api: Api,
  body: { title?: string; copy_from?: string },
): Promise<TaggedVision> {
  return tagged(api.POST('/api/v1/visions', { body }));
}

export function saveVision(
  api: Api,
  id: string,
  patch: Patch,
  ifMatch: string,
): Promise<TaggedVision> {
  return tagged(
    api.PATCH('/api/v1/visions/{id}', {
      params: { path: { id }, ...ifMatchHeader(ifMatch) },
      body: patch,
    }),
  );
}

export function completeVision(api: Api, id: string): Promise<TaggedVision> {
  return tagged(api.POST('/api/v1/visions/{id}/complete', { params: { path: { id } } }));
}

/** Makes a complete version the active one (a draft answers 409). */
export function activateVision(api: Api, id: string): Promise<TaggedVision> {
  return tagged(api.POST('/api/v1/visions/{id}/activate', { params: { path: { id } } }));
}

export async function deleteVision(api: Api, id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/visions/{id}', { params: { path: { id } } }));
}

/**
 * The narration tracks of a vision; null when media-service knows no narration for it (404).
 * The OpenAPI document describes no 200 answer for this operation, hence the cast.
 */
export async function loadAudio(
  api: Api,
  visionId: string,
  signal?: AbortSignal,
): Promise<Track[] | null> {
  const answer = (await unwrapOrNull(
    api.GET('/api/v1/media/visions/{vision_id}/audio', {
      params: { path: { vision_id: visionId } },
      signal,
    }),
  )) as VisionAudio | null;
  return answer ? (answer.tracks ?? []) : null;
}

export async function regenerateAudio(
  api: Api,
  visionId: string,
  body: Schemas['RegenerateRequest'],
): Promise<Track[]> {
  const answer = await unwrap(
    api.POST('/api/v1/media/visions/{vision_id}/audio/regenerate', {
      params: { path: { vision_id: visionId } },
      body,
    }),
  );
  return answer.tracks ?? [];
}

export function retryTrack(api: Api, trackId: string): Promise<Track> {
  return unwrap(api.POST('/api/v1/media/tracks/{id}/retry', { params: { path: { id: trackId } } }));
}
