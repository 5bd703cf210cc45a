/**
 * The vision board's pure parts: filters ↔ address ↔ API query, the counts by status, and the
 * item form (fields, checks, what to send). No React, no fetch.
 */
import type { Schemas } from '../../api/client';
import { changedKeys } from '../../api/conflict';
import { pageQuery } from '../../api/paging';
import {
  categoryLabel,
  isLifeCategory,
  sortCategories,
  type LifeCategory,
} from '../../ui/lifeCategories';

export type BoardItem = Schemas['BoardItemView'];
export type BoardStats = Schemas['BoardStats'];
export type BoardStatus = Schemas['BoardItemStatus'];
export type NewBoardItem = Schemas['NewBoardItem'];
export type BoardItemChanges = Schemas['BoardItemChanges'];

export const STATUSES: readonly BoardStatus[] = ['active', 'actualized', 'inactive'];

export const STATUS_LABELS: Record<BoardStatus, string> = {
  active: 'Active',
  actualized: 'Actualized',
  inactive: 'Inactive',
};

export function isStatus(value: unknown): value is BoardStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export function statusLabel(status: string | undefined | null): string {
  return isStatus(status) ? STATUS_LABELS[status] : (status ?? '');
}

/** What the board shows: all items, or those of one status and/or one life area. */
export interface BoardFilters {
  status?: BoardStatus;
  category?: LifeCategory;
}

/** The filters in the address (?status=&category=); unknown values are ignored. */
export function filtersFromSearch(params: URLSearchParams): BoardFilters {
  const status = params.get('status');
  const category = params.get('category');
  return {
    ...(isStatus(status) ? { status } : {}),
    ...(category && isLifeCategory(category) ? { category } : {}),
  };
}

/** The address's query for these filters (empty ones left out). */
export function filtersToSearch(filters: BoardFilters): Record<string, string> {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category ? { category: filters.category } : {}),
  };
}

export const PAGE_SIZE = 24;

/** The query of `GET /vision-board/items` for these filters and page. */
export function boardQuery(
  filters: BoardFilters,
  cursor?: string,
  limit = PAGE_SIZE,
): { status?: BoardStatus; category?: LifeCategory; limit: number; cursor?: string } {
  return {
    ...filtersToSearch(filters),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...pageQuery(limit, cursor),
  };
}

/** "Showing actualized items in Home & Environment", for the list's heading note. */
export function filterWords(filters: BoardFilters): string {
  const what = filters.status ? `${STATUS_LABELS[filters.status].toLowerCase()} items` : 'items';
  const where = filters.category ? ` in ${categoryLabel(filters.category)}` : '';
  return filters.status || filters.category ? `Showing ${what}${where}.` : 'Showing every item.';
}

export interface StatusCount {
  status: BoardStatus;
  label: string;
  count: number;
}

/** The counts of /stats in the board's order, zeros included, and the total. */
export function statusCounts(stats: BoardStats | undefined): {
  counts: StatusCount[];
  total: number;
} {
  const byStatus = new Map((stats?.statuses ?? []).map((entry) => [entry.status, entry.count]));
  const counts = STATUSES.map((status) => ({
    status,
    label: STATUS_LABELS[status],
    count: Math.max(0, Number(byStatus.get(status) ?? 0)),
  }));
  const sum = counts.reduce((total, entry) => total + entry.count, 0);
  return { counts, total: typeof stats?.total === 'number' ? stats.total : sum };
}

/** The item form. A type alias (not an interface), so it is a plain record of JSON values. */
export type ItemFields = {
  name: string;
  description: string;
  categories: LifeCategory[];
  status: BoardStatus;
  /** The media reference (media_url of an upload), '' for no image. Never shown, never parsed. */
  image_url: string;
};

export const EMPTY_ITEM: ItemFields = {
  name: '',
  description: '',
  categories: [],
  status: 'active',
  image_url: '',
};

/** Labels of the form's fields, by their API names (for the stale-edit choice). */
export const FIELD_LABELS: Record<keyof ItemFields, string> = {
  name: 'Name',
  description: 'Description',
  categories: 'Life areas',
  status: 'Status',
  image_url: 'Image',
};

export function itemFields(item: BoardItem): ItemFields {
  return {
    name: item.name ?? '',
    description: item.description ?? '',
    categories: sortCategories(item.categories),
    status: isStatus(item.status) ? item.status : 'active',
    image_url: item.image_url ?? '',
  };
}

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 5000;

/** What the server would refuse, found before sending: field (API name) → message. */
export function itemErrors(fields: ItemFields): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!fields.name.trim()) errors.name = 'Give this item a name.';
  else if (fields.name.length > NAME_MAX)
    errors.name = `Keep the name to ${NAME_MAX} characters (it has ${fields.name.length}).`;
  if (fields.description.length > DESCRIPTION_MAX) {
    errors.description = `Keep the description to ${DESCRIPTION_MAX} characters (it has ${fields.description.length}).`;
  }
  return errors;
}

/** The body of `POST /vision-board/items`: blank optional fields left out. */
export function newItemBody(fields: ItemFields): NewBoardItem {
  return {
    name: fields.name.trim(),
    ...(fields.description.trim() ? { description: fields.description } : {}),
    ...(fields.image_url ? { image_url: fields.image_url } : {}),
    categories: fields.categories,
    status: fields.status,
  };
}

/**
 * The body of `PATCH /vision-board/items/{id}`: only what I changed since `base` (absent fields
 * stay as they are on the server; '' clears the description or the image).
 */
export function itemPatch(base: ItemFields, mine: ItemFields): BoardItemChanges {
  const patch: BoardItemChanges = {};
  for (const key of changedKeys(base, mine)) {
    if (key === 'name') patch.name = mine.name.trim();
    else if (key === 'description') patch.description = mine.description;
    else if (key === 'categories') patch.categories = mine.categories;
    else if (key === 'status') patch.status = mine.status;
    else if (key === 'image_url') patch.image_url = mine.image_url;
  }
  return patch;
}

/** The next status a card's main action moves an item to. */
export function nextAction(status: string | undefined): 'actualize' | 'move-back' {
  return status === 'actualized' ? 'move-back' : 'actualize';
}
