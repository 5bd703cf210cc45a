/**
 * The list of vision versions: which one is active, and how each is named. Pure.
 *
 * The active vision is the complete version updated most recently (vision-service's rule for
 * GET /visions/active), so it is derived from the list instead of asking /active, which answers
 * 404 while no version is complete.
 */
import type { Schemas } from '../../api/client';

export type Vision = Schemas['VisionView'];

export function isComplete(vision: Pick<Vision, 'status'>): boolean {
  return vision.status === 'complete';
}

function time(iso: string | undefined | null): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** The id of the active version: the complete one with the latest updated_at; undefined when none. */
export function activeVersionId(versions: Vision[]): string | undefined {
  let best: Vision | undefined;
  for (const vision of versions) {
    if (!isComplete(vision)) continue;
    if (!best || time(vision.updated_at) > time(best.updated_at)) best = vision;
  }
  return best?.id;
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
