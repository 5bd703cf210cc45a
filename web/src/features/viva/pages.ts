/**
 * A thread's turns come oldest first, a page at a time, each page named by the cursor it was
 * asked with (opaque: only cursors the server gave are ever sent back). New turns land at the
 * end, so after a reply the last page is asked for again with its own cursor, and any pages after
 * it follow.
 */
import type { Message } from './reply';

export interface LoadedPage {
  /** The cursor this page was asked with (none: the first page). */
  cursor?: string;
  items: Message[];
  /** The server's cursor for the page after this one; null: this is the last. */
  next: string | null;
}

export type FetchPage = (cursor: string | undefined) => Promise<{
  items: Message[];
  next: string | null;
}>;

/** The most pages one refresh follows (a long thread the member had not paged through). */
export const MAX_FOLLOW = 20;

export function messagesOf(pages: readonly LoadedPage[]): Message[] {
  return pages.flatMap((page) => page.items);
}

export function hasMore(pages: readonly LoadedPage[]): boolean {
  return (pages.at(-1)?.next ?? null) !== null;
}

/** The page after the last one loaded, appended. */
export async function loadNext(
  pages: readonly LoadedPage[],
  fetchPage: FetchPage,
): Promise<LoadedPage[]> {
  const last = pages.at(-1);
  if (last && last.next === null) return [...pages];
  const cursor = last?.next ?? undefined;
  const page = await fetchPage(cursor);
  return [...pages, { ...(cursor ? { cursor } : {}), items: page.items, next: page.next }];
}

/**
 * Asks for the last page again (with its own cursor) and follows `next` to the end: the turns a
 * reply just added, in the server's own order and with what it stored (usage, grounding).
 */
export async function refreshTail(
  pages: readonly LoadedPage[],
  fetchPage: FetchPage,
): Promise<LoadedPage[]> {
  const kept = pages.slice(0, -1);
  const last = pages.at(-1);
  let cursor = last?.cursor;
  const fresh: LoadedPage[] = [];
  for (let i = 0; i < MAX_FOLLOW; i++) {
    const page = await fetchPage(cursor);
    fresh.push({ ...(cursor ? { cursor } : {}), items: page.items, next: page.next });
    if (page.next === null) break;
    cursor = page.next;
  }
  return [...kept, ...fresh];
}
