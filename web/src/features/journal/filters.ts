/**
 * The journal list's search and filters: the address (?q=&from=&to=&category=) ↔ the form ↔ the
 * query of `GET /journal/entries`. Pure.
 */
import { pageQuery } from '../../api/paging';
import { categoryLabel, isLifeCategory, type LifeCategory } from '../../ui/lifeCategories';

export interface JournalFilters {
  /** Full-text search (words, "phrases", -excluded). */
  q?: string;
  /** First and last date, YYYY-MM-DD. */
  from?: string;
  to?: string;
  category?: LifeCategory;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The filters in the address; blank or unreadable values are left out. */
export function filtersFromSearch(params: URLSearchParams): JournalFilters {
  const q = params.get('q')?.trim();
  const from = params.get('from');
  const to = params.get('to');
  const category = params.get('category');
  return {
    ...(q ? { q } : {}),
    ...(isIsoDate(from) ? { from } : {}),
    ...(isIsoDate(to) ? { to } : {}),
    ...(category && isLifeCategory(category) ? { category } : {}),
  };
}

export function filtersToSearch(filters: JournalFilters): Record<string, string> {
  const q = filters.q?.trim();
  return {
    ...(q ? { q } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.category ? { category: filters.category } : {}),
  };
}

export const PAGE_SIZE = 10;

/** The query of `GET /journal/entries` for these filters and page (blank ones left out). */
export function entriesQuery(
  filters: JournalFilters,
  cursor?: string,
  limit = PAGE_SIZE,
): {
  q?: string;
  from?: string;
  to?: string;
  category?: LifeCategory;
  limit: number;
  cursor?: string;
} {
  return {
    ...filtersToSearch(filters),
    ...(filters.category ? { category: filters.category } : {}),
    ...pageQuery(limit, cursor),
  };
}

export function isFiltered(filters: JournalFilters): boolean {
  return Object.keys(filtersToSearch(filters)).length > 0;
}

/** What the form holds before it is applied: the raw text of each input. */
export interface FilterForm {
  q: string;
  from: string;
  to: string;
  category: string;
}

export function formOf(filters: JournalFilters): FilterForm {
  return {
    q: filters.q ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
    category: filters.category ?? '',
  };
}

/** The form's problems, by the query's parameter names; empty when it can be applied. */
export function filterErrors(form: FilterForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.from && !isIsoDate(form.from)) errors.from = 'Enter a date, e.g. 2025-01-31.';
  if (form.to && !isIsoDate(form.to)) errors.to = 'Enter a date, e.g. 2025-01-31.';
  if (!errors.from && !errors.to && form.from && form.to && form.from > form.to) {
    errors.to = 'The last day is before the first day.';
  }
  if (form.q.length > 200) errors.q = 'Search with fewer words (at most 200 characters).';
  return errors;
}

/** The filters a valid form applies. */
export function filtersOfForm(form: FilterForm): JournalFilters {
  return filtersFromSearch(
    new URLSearchParams({ q: form.q, from: form.from, to: form.to, category: form.category }),
  );
}

/** A YYYY-MM-DD date as the member reads it, in their locale ("Sun, 6 Dec 2026"). */
export function formatDay(iso: string | undefined | null, locale?: string): string {
  if (!isIsoDate(iso)) return iso ?? '';
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(year, month - 1, day));
}

/** "Entries matching “heron”, in Health & Vitality, from … to …", newest (or best match) first. */
export function filterWords(filters: JournalFilters, locale?: string): string {
  if (!isFiltered(filters)) return 'All your entries, newest first.';
  const parts: string[] = [];
  if (filters.q) parts.push(`matching “${filters.q}”`);
  if (filters.category) parts.push(`in ${categoryLabel(filters.category)}`);
  if (filters.from && filters.to)
    parts.push(`from ${formatDay(filters.from, locale)} to ${formatDay(filters.to, locale)}`);
  else if (filters.from) parts.push(`from ${formatDay(filters.from, locale)}`);
  else if (filters.to) parts.push(`up to ${formatDay(filters.to, locale)}`);
  return `Entries ${parts.join(', ')}, ${filters.q ? 'best match first' : 'newest first'}.`;
}
