/**
 * The 14 sections of a Life Vision (the forward, the 12 life categories, the conclusion) in reading
 * order, their labels and prompts, and the completion rules. The JSON names are the API's
 * (`VisionView`, `VisionChanges`). Pure: no React, no fetch.
 */
import type { Schemas } from '../../api/client';
import { CATEGORY_LABELS, LIFE_CATEGORIES } from '../../ui/lifeCategories';

export const SECTION_KEYS = ['forward', ...LIFE_CATEGORIES, 'conclusion'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Every field the editor changes: the title and the 14 sections. */
export const EDITABLE_FIELDS = ['title', ...SECTION_KEYS] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type VisionFields = Record<EditableField, string>;

/** The API's longest section text and title (VisionChanges maxLength). */
export const MAX_SECTION_LENGTH = 20_000;
export const MAX_TITLE_LENGTH = 200;

export const SECTION_LABELS: Record<SectionKey, string> = {
  forward: 'Forward',
  ...CATEGORY_LABELS,
  conclusion: 'Conclusion',
};

/** A short prompt under each label, to help the member start writing. */
export const SECTION_PROMPTS: Record<SectionKey, string> = {
  forward: 'Set the scene: how it feels to live the life you describe below.',
  fun: 'What you do for joy, play and rest.',
  travel: 'The places you explore and the adventures you have.',
  home: 'Where and how you live, and how your home feels.',
  family: 'Your family life and the parent, child or sibling you are.',
  romance: 'Love, partnership and intimacy as you choose them.',
  health: 'Your body, energy and well-being.',
  money: 'Your relationship with money and the wealth you enjoy.',
  business: 'Your work, career and the value you create.',
  social: 'Your friends and the people around you.',
  possessions: 'The things you own and the lifestyle you enjoy.',
  giving: 'What you give back and the legacy you leave.',
  spirituality: 'Your inner life, growth and sense of meaning.',
  conclusion: 'Close your vision: what it all adds up to.',
};

export function isSectionKey(value: string): value is SectionKey {
  return (SECTION_KEYS as readonly string[]).includes(value);
}

export function sectionLabel(key: string): string {
  return isSectionKey(key) ? SECTION_LABELS[key] : key;
}

/** The id of a section's textarea, so that links (blank sections, errors) can jump to it. */
export function sectionInputId(key: string): string {
  return `vision-section-${key}`;
}

/** The editable fields of a vision as the API sent it (a missing text is empty). */
export function fieldsOf(vision: Schemas['VisionView']): VisionFields {
  const fields = {} as VisionFields;
  for (const key of EDITABLE_FIELDS) fields[key] = vision[key] ?? '';
  return fields;
}

/**
 * Whether a section counts as written, as the server decides it (Java's String.isBlank: only
 * whitespace is blank).
 */
export function isWritten(text: string | undefined): boolean {
  return (text ?? '').trim() !== '';
}

/** Share of the 14 sections that are written, rounded to a whole percent (the server's rule). */
export function completionPercentage(fields: Partial<Record<SectionKey, string>>): number {
  const written = SECTION_KEYS.filter((key) => isWritten(fields[key])).length;
  return Math.round((written * 100) / SECTION_KEYS.length);
}

/** How many of the 14 sections are written. */
export function writtenCount(fields: Partial<Record<SectionKey, string>>): number {
  return SECTION_KEYS.filter((key) => isWritten(fields[key])).length;
}

/** The 12 life categories still blank: completing needs them all written (forward and conclusion are optional). */
export function blankCategories(fields: Partial<Record<SectionKey, string>>): SectionKey[] {
  return LIFE_CATEGORIES.filter((key) => !isWritten(fields[key]));
}
