/**
 * The changes between a profile version and its parent, in words: each changed field with its
 * label, what it was and what it is. Media fields are named, never their storage references. Pure.
 */
import { fieldLabel, fieldSpec, MEDIA_FIELDS, SECTIONS } from './fields';

export interface FieldChange {
  field?: string;
  old_value?: unknown;
  new_value?: unknown;
  /** For a media field, the browser-loadable links of the old and new references. */
  old_link?: unknown;
  new_link?: unknown;
}

export interface ChangeLine {
  field: string;
  label: string;
  kind: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
  /** The profile picture before and after, when the API links them. */
  beforeImage?: string;
  afterImage?: string;
}

/** Long texts (stories) are cut to this many characters in the list. */
export const PREVIEW_LENGTH = 120;
export const EMPTY = '(empty)';

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > PREVIEW_LENGTH
    ? `${oneLine.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…`
    : oneLine;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A value as members read it. */
export function displayValue(field: string, value: unknown): string {
  if (isEmpty(value)) return EMPTY;
  if (field === 'profile_picture_url') return 'A picture';
  if (field === 'progress_photos' && Array.isArray(value)) {
    return count(value.length, 'photo', 'photos');
  }
  if (field === 'story_recordings' && Array.isArray(value)) {
    return count(value.length, 'recording', 'recordings');
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const spec = fieldSpec(field);
  if (spec?.kind === 'select' && typeof value === 'string') {
    return spec.options?.find((option) => option.value === value)?.label ?? value;
  }
  if (Array.isArray(value)) return preview(value.map((item) => String(item)).join(', '));
  if (typeof value === 'object') return preview(JSON.stringify(value));
  return preview(String(value));
}

/** The order of the form (then media, then anything else by name). */
function rank(field: string): number {
  let at = 0;
  for (const section of SECTIONS) {
    for (const spec of section.fields) {
      if (spec.name === field) return at;
      at++;
    }
  }
  const media = Object.keys(MEDIA_FIELDS).indexOf(field);
  return media >= 0 ? at + media : Number.MAX_SAFE_INTEGER;
}

export function changeLines(changes: FieldChange[] | undefined): ChangeLine[] {
  return (changes ?? [])
    .filter((change): change is FieldChange & { field: string } => !!change.field)
    .map((change) => {
      const { field } = change;
      const wasEmpty = isEmpty(change.old_value);
      const isNowEmpty = isEmpty(change.new_value);
      return {
        field,
        label: fieldLabel(field),
        kind: wasEmpty ? 'added' : isNowEmpty ? 'removed' : 'changed',
        before: displayValue(field, change.old_value),
        after: displayValue(field, change.new_value),
        ...(field === 'profile_picture_url' && typeof change.old_link === 'string'
          ? { beforeImage: change.old_link }
          : {}),
        ...(field === 'profile_picture_url' && typeof change.new_link === 'string'
          ? { afterImage: change.new_link }
          : {}),
      } satisfies ChangeLine;
    })
    .sort((a, b) => rank(a.field) - rank(b.field) || a.field.localeCompare(b.field));
}

/** "3 fields changed" / "No changes". */
export function changesSummary(lines: ChangeLine[]): string {
  if (lines.length === 0) return 'No changes';
  return `${count(lines.length, 'field', 'fields')} changed`;
}
