/**
 * The list of vision versions: which one is active, and how each is named. Pure.
 *
 * The active vision is the complete version the member completed or activated last; the API marks it
 * with is_active on every version (GET /visions/active answers 404 while no version is complete).
 */
import type { Schemas } from '../../api/client';

export type Vision = Schemas['VisionView'];

export function isComplete(vision: Pick<Vision, 'status'>): boolean {
  return vision.status === 'complete';
}

/** The id of the active version; undefined when no version is complete. */
export function activeVersionId(versions: Vision[]): string | undefined {
  return versions.find((vision) => vision.is_active && isComplete(vision))?.id;
}

export function displayTitle(vision: Pick<Vision, 'title'>): string {
  return vision.title?.trim() || 'Untitled vision';
}

export function versionLabel(vision: Pick<Vision, 'version_number'>): string {
  return vision.version_number ? `Version ${vision.version_number}` : 'Version';
}

export type VersionRole = 'active' | 'complete' | 'draft';

export function versionRole(vision: Vision, activeId: string | undefined): VersionRole {
  if (!isComplete(vision)) return 'draft';
  return vision.id === activeId ? 'active' : 'complete';
}

export const ROLE_LABELS: Record<VersionRole, string> = {
  active: 'Active',
  complete: 'Complete',
  draft: 'Draft',
};

/** The default title offered for a new version. */
export function suggestedTitle(versions: Vision[]): string {
  const next = versions.reduce((max, v) => Math.max(max, v.version_number ?? 0), 0) + 1;
  return next === 1 ? 'My Life Vision' : `My Life Vision ${next}`;
}
