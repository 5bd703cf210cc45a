/** A member's profile versions: which is active, which is the draft, how each is named. Pure. */
import type { Schemas } from '../../api/client';

export type ProfileVersion = Schemas['ProfileVersion'];

export type VersionState = 'active' | 'draft' | 'history';

export function stateOf(version: ProfileVersion): VersionState {
  if (version.is_draft) return 'draft';
  if (version.is_active) return 'active';
  return 'history';
}

export const STATE_LABELS: Record<VersionState, string> = {
  active: 'Active',
  draft: 'Draft',
  history: 'Earlier version',
};

export function versionTitle(version: ProfileVersion): string {
  return version.version_number ? `Version ${version.version_number}` : 'A version';
}

/** The completion percent, 0-100 whole. */
export function completionOf(version: ProfileVersion | null | undefined): number {
  const value = version?.completion_percentage;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

export interface VersionSet {
  active?: ProfileVersion;
  draft?: ProfileVersion;
  /** Every version, newest first (the API's order). */
  all: ProfileVersion[];
}

export function versionSet(items: ProfileVersion[]): VersionSet {
  const active = items.find((v) => stateOf(v) === 'active');
  const draft = items.find((v) => stateOf(v) === 'draft');
  return { ...(active ? { active } : {}), ...(draft ? { draft } : {}), all: items };
}

/** What a member may do with a version. */
export function actionsOf(version: ProfileVersion): {
  edit: boolean;
  activate: boolean;
  remove: boolean;
} {
  const state = stateOf(version);
  return { edit: state === 'draft', activate: state === 'history', remove: state !== 'active' };
}

/** Whose name the profile carries, if any. */
export function displayName(version: ProfileVersion | undefined): string {
  const name = [version?.first_name, version?.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return name;
}

/**
 * The browser-loadable link of the version's profile picture (short-lived: shown, never stored;
 * the storage reference in profile_picture_url is never parsed).
 */
export function pictureLinkOf(version: ProfileVersion): string | undefined {
  return version.profile_picture_link || undefined;
}
