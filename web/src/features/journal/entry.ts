/** A journal entry as the editor holds it: fields, checks, what to send, and rebasing. Pure. */
import type { Schemas } from '../../api/client';
import { changedKeys, jsonEqual } from '../../api/conflict';
import { sortCategories, type LifeCategory } from '../../ui/lifeCategories';
import { isIsoDate } from './filters';

export type JournalEntry = Schemas['JournalEntryView'];
export type NewJournalEntry = Schemas['NewJournalEntry'];
export type JournalEntryChanges = Schemas['JournalEntryChanges'];
export type Recording = Schemas['Recording'];
export type RecordingView = Schemas['RecordingView'];

/** The form. A type alias (not an interface), so it is a plain record of JSON values. */
export type EntryFields = {
  date: string;
  title: string;
  content: string;
  categories: LifeCategory[];
  /** Media references (media_url of uploads), in order. Never shown, never parsed. */
  image_urls: string[];
};

export const FIELD_LABELS: Record<keyof EntryFields, string> = {
  date: 'Date',
  title: 'Title',
  content: 'Your entry',
  categories: 'Life areas',
  image_urls: 'Photos',
};

export const TITLE_MAX = 200;
export const CONTENT_MAX = 100_000;
export const MAX_PHOTOS = 20;
export const MAX_RECORDINGS = 20;

export function emptyEntry(today: string): EntryFields {
  return { date: today, title: '', content: '', categories: [], image_urls: [] };
}

export function entryFields(entry: JournalEntry): EntryFields {
  return {
    date: entry.date ?? '',
    title: entry.title ?? '',
    content: entry.content ?? '',
    categories: sortCategories(entry.categories),
    image_urls: [...(entry.image_urls ?? [])],
  };
}

/** What the server would refuse, found before sending: field (API name) → message. */
export function entryErrors(fields: EntryFields): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isIsoDate(fields.date)) errors.date = 'Choose the day this entry is about.';
  if (fields.title.length > TITLE_MAX) {
    errors.title = `Keep the title to ${TITLE_MAX} characters (it has ${fields.title.length}).`;
  }
  if (fields.content.length > CONTENT_MAX) {
    errors.content = `This entry is too long: at most ${CONTENT_MAX.toLocaleString('en')} characters.`;
  }
  if (fields.image_urls.length > MAX_PHOTOS) {
    errors.image_urls = `An entry holds at most ${MAX_PHOTOS} photos.`;
  }
  return errors;
}

export { errorsByInput } from '../../ui/fieldIds';

/** The body of `POST /journal/entries`, with the recordings made before the entry existed. */
export function newEntryBody(fields: EntryFields, recordings: Recording[]): NewJournalEntry {
  return {
    date: fields.date,
    ...(fields.title.trim() ? { title: fields.title.trim() } : {}),
    content: fields.content,
    categories: fields.categories,
    image_urls: fields.image_urls,
    ...(recordings.length > 0 ? { audio_recordings: recordings } : {}),
  };
}

/** The body of `PATCH /journal/entries/{id}`: only what I changed since `base`. */
export function entryPatch(base: EntryFields, mine: EntryFields): JournalEntryChanges {
  const patch: JournalEntryChanges = {};
  for (const key of changedKeys(base, mine)) {
    if (key === 'date') patch.date = mine.date;
    else if (key === 'title') patch.title = mine.title.trim();
    else if (key === 'content') patch.content = mine.content;
    else if (key === 'categories') patch.categories = mine.categories;
    else if (key === 'image_urls') patch.image_urls = mine.image_urls;
  }
  return patch;
}

/**
 * The form after the entry changed on the server while I edit it (a recording appended or removed
 * gives the entry back with a new ETag): fields I have not touched take the server's values, my
 * edits stay. The new base is the server's fields.
 */
export function rebase(base: EntryFields, mine: EntryFields, server: EntryFields): EntryFields {
  const next = { ...mine };
  for (const key of Object.keys(server) as (keyof EntryFields)[]) {
    if (jsonEqual(mine[key], base[key])) (next as Record<string, unknown>)[key] = server[key];
  }
  return next;
}

/** Each photo's reference with the link to show it by (null when the server gave none). */
export function photosOf(entry: JournalEntry): { url: string; link: string | null }[] {
  const links = entry.image_links ?? [];
  return (entry.image_urls ?? []).map((url, i) => ({ url, link: links[i] ?? null }));
}

/** The start of an entry's text for the list: whole words, at most `max` characters. */
export function excerpt(content: string | undefined | null, max = 280): string {
  const text = (content ?? '').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The heading of an entry: its title, or the day it is about. */
export function entryHeading(entry: { title?: string | null }, day: string): string {
  const title = entry.title?.trim();
  return title ? title : `Entry of ${day}`;
}
