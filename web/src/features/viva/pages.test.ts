import { describe, expect, it } from 'vitest';
import { hasMore, loadNext, messagesOf, refreshTail, type FetchPage } from './pages';
import type { Message } from './reply';

/** A server holding `ids` turns, pages of `size`, cursors "after:<index>". */
function server(ids: string[], size: number): { fetch: FetchPage; asked: (string | undefined)[] } {
  const asked: (string | undefined)[] = [];
  const fetch: FetchPage = (cursor) => {
    asked.push(cursor);
    const start = cursor ? Number(cursor.split(':')[1]) + 1 : 0;
    const items: Message[] = ids.slice(start, start + size).map((id) => ({ id }));
    const last = start + size - 1;
    return Promise.resolve({ items, next: last < ids.length - 1 ? `after:${last}` : null });
  };
  return { fetch, asked };
}

describe('thread pages', () => {
  it('loads page after page with the server cursors', async () => {
    const { fetch, asked } = server(['a', 'b', 'c', 'd', 'e'], 2);
    let pages = await loadNext([], fetch);
    expect(messagesOf(pages).map((m) => m.id)).toEqual(['a', 'b']);
    expect(hasMore(pages)).toBe(true);
    pages = await loadNext(pages, fetch);
    pages = await loadNext(pages, fetch);
    expect(messagesOf(pages).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(hasMore(pages)).toBe(false);
    expect(asked).toEqual([undefined, 'after:1', 'after:3']);
    // Nothing more to load: no call.
    await loadNext(pages, fetch);
    expect(asked).toHaveLength(3);
  });

  it('refreshes the last page with its own cursor and follows new pages', async () => {
    const ids = ['a', 'b', 'c'];
    const { fetch, asked } = server(ids, 2);
    let pages = await loadNext([], fetch);
    pages = await loadNext(pages, fetch); // [a,b] [c]
    ids.push('d', 'e', 'f'); // a reply and more arrived
    asked.length = 0;
    pages = await refreshTail(pages, fetch);
    expect(asked).toEqual(['after:1', 'after:3']);
    expect(messagesOf(pages).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(hasMore(pages)).toBe(false);
  });

  it('refreshes a thread that had no turns from the start', async () => {
    const ids: string[] = [];
    const { fetch } = server(ids, 50);
    let pages = await loadNext([], fetch);
    expect(messagesOf(pages)).toEqual([]);
    ids.push('q', 'r');
    pages = await refreshTail(pages, fetch);
    expect(messagesOf(pages).map((m) => m.id)).toEqual(['q', 'r']);
  });
});
