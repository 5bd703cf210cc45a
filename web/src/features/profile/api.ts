/** The profile screen's API calls (profile-service /api/v1/profiles...). */
import { unwrap, unwrapTagged, type Api, type FetchResult, type Schemas } from '../../api/client';
import { pageQuery } from '../../api/paging';
import type { ApiValues } from './fields';
import type { ProfileVersion } from './versions';

export type ProfileChanges = Schemas['ProfileChanges'];

export interface TaggedVersion {
  version: ProfileVersion;
  /** The version's ETag, for If-Match. */
  etag: string;
}

async function tagged(call: Promise<FetchResult<ProfileVersion>>): Promise<TaggedVersion> {
  const { data, etag } = await unwrapTagged(call);
  return { version: data, etag };
}

export interface VersionPage {
  items: ProfileVersion[];
  nextCursor: string | null;
}

export async function listVersions(
  api: Api,
  cursor?: string | null,
  signal?: AbortSignal,
): Promise<VersionPage> {
  const page = await unwrap(
    api.GET('/api/v1/profiles', {
      params: { query: pageQuery(50, cursor) },
      signal,
    }),
  );
  return { items: page.items ?? [], nextCursor: page.next_cursor ?? null };
}

export function loadVersion(api: Api, id: string, signal?: AbortSignal) {
  return tagged(api.GET('/api/v1/profiles/{id}', { params: { path: { id } }, signal }));
}

/** A draft copying my active version (an empty profile when I have none). */
export function createDraft(api: Api) {
  return tagged(api.POST('/api/v1/profiles/drafts', { body: {} }));
}

/**
 * A JSON merge patch: named fields take the value, null clears. The OpenAPI types the body as
 * ProfileAnswers without null (nor version_notes), though the service takes both: hence the cast.
 */
export function patchVersion(api: Api, id: string, patch: ApiValues, ifMatch: string) {
  return tagged(
    api.PATCH('/api/v1/profiles/{id}', {
      params: { path: { id }, header: { 'If-Match': ifMatch } },
      body: patch as Schemas['ProfileAnswers'],
    }),
  );
}

export function commitDraft(api: Api, id: string, ifMatch: string) {
  return tagged(
    api.POST('/api/v1/profiles/{id}/commit', {
      params: { path: { id }, header: { 'If-Match': ifMatch } },
    }),
  );
}

export function activateVersion(api: Api, id: string) {
  return tagged(api.POST('/api/v1/profiles/{id}/activate', { params: { path: { id } } }));
}

export async function deleteVersion(api: Api, id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/profiles/{id}', { params: { path: { id } } }));
}

export function loadChanges(api: Api, id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/profiles/{id}/changes', { params: { path: { id } }, signal }));
}
