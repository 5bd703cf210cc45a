/** Lists answered a page at a time (`{items, next_cursor}`), merged as the member asks for more. */

export interface Page<T> {
  items?: T[];
  next_cursor?: string | null;
}

/**
 * The list so far with the next page after it: an item already shown (same id; a page boundary
 * can move when something new is written meanwhile) is not shown twice.
 */
export function appendPage<T extends { id?: string }>(shown: T[], next: T[]): T[] {
  const seen = new Set(shown.map((item) => item.id));
  return [...shown, ...next.filter((item) => !item.id || !seen.has(item.id))];
}

/** The cursor of the next page, or undefined when this was the last one. */
export function nextCursor(page: Page<unknown>): string | undefined {
  return page.next_cursor ? page.next_cursor : undefined;
}

/** The query of one page: how many, and after which cursor (none for the first page). */
export function pageQuery(
  limit: number,
  cursor: string | null | undefined,
): { limit: number; cursor?: string } {
  return { limit, ...(cursor ? { cursor } : {}) };
}

/** A page as a screen holds it: its items, and the next page's cursor (null after the last one). */
export interface CursorPage<T> {
  items: T[];
  next: string | null;
}

/** The answer's page (items and next_cursor both optional) as a CursorPage. */
export function cursorPage<T>(page: Page<T> | undefined): CursorPage<T> {
  return { items: page?.items ?? [], next: page?.next_cursor ?? null };
}
