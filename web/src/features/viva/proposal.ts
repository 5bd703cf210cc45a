/**
 * VIVA writing one section of the member's vision: asking for it (ai-usage-service), and putting an
 * accepted text into the member's draft version (vision-service). VIVA never writes to a vision; the
 * member's "Put it in my draft" does, here.
 */
import { unwrap, type Api, type Schemas } from '../../api/client';
import { createVision, loadVersions, saveVision } from '../life-vision/api';
import { activeVersionId, displayTitle, type Vision } from '../life-vision/versions';
import type { LifeCategory } from '../../ui/lifeCategories';

export type Proposal = Schemas['Proposal'];

export async function proposeSection(
  api: Api,
  threadId: string,
  section: LifeCategory,
  instruction: string,
): Promise<Proposal> {
  const wanted = instruction.trim();
  return unwrap(
    api.POST('/api/v1/ai/conversations/{id}/proposals', {
      params: { path: { id: threadId } },
      body: { section, ...(wanted ? { instruction: wanted } : {}) },
    }),
  );
}

/**
 * Which version an accepted text goes into: the newest draft; without one, a new draft copied from
 * the active version (else the newest complete one), so nothing already written is lost; with no
 * version at all, a new empty draft. Versions come newest first.
 */
export function draftTarget(versions: Vision[]): { fill: Vision } | { copyFrom: string | null } {
  const draft = versions.find((vision) => vision.status === 'draft');
  if (draft) return { fill: draft };
  const source =
    activeVersionId(versions) ?? versions.find((vision) => vision.status === 'complete')?.id;
  return { copyFrom: source ?? null };
}

export interface Accepted {
  visionId: string;
  title: string;
  /** A new draft was started for it. */
  created: boolean;
}

/** Writes the text into the section of the member's draft (see draftTarget). */
export async function acceptIntoDraft(
  api: Api,
  section: LifeCategory,
  text: string,
): Promise<Accepted> {
  const target = draftTarget(await loadVersions(api));
  let id: string;
  let created = false;
  if ('fill' in target) {
    id = target.fill.id ?? '';
  } else {
    const made = await createVision(
      api,
      target.copyFrom ? { copy_from: target.copyFrom } : { title: 'My vision' },
    );
    id = made.vision.id ?? '';
    created = true;
  }
  // Only this section changes, so no If-Match: another tab's edits of other sections stay.
  const saved = await saveVision(api, id, { [section]: text }, '');
  return { visionId: id, title: displayTitle(saved.vision), created };
}
