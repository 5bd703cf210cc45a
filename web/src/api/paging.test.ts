import { describe, expect, it } from 'vitest';
import { appendPage, cursorPage, nextCursor, pageQuery } from './paging';

describe('appendPage', () => {
  it('puts the next page after what is shown', () => {
    expect(appendPage([{ id: 'a' }, { id: 'b' }], [{ id: 'c' }])).toEqual([
      { id: 'a' },
      { id: 'b' },
      { id: 'c' },
    ]);
  });

  it('does not show an item twice when the page boundary moved', () => {
    const shown = [
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
    ];
    const next = [
      { id: 'b', v: 2 },
      { id: 'c', v: 1 },
    ];
    expect(appendPage(shown, next)).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
      { id: 'c', v: 1 },
    ]);
  });
});

describe('nextCursor', () => {
  it('is the cursor, or undefined at the last page', () => {
    expect(nextCursor({ items: [], next_cursor: 'abc' })).toBe('abc');
    expect(nextCursor({ items: [], next_cursor: null })).toBeUndefined();
    expect(nextCursor({ items: [] })).toBeUndefined();
    expect(nextCursor({ next_cursor: '' })).toBeUndefined();
  });
});

describe('pageQuery', () => {
  it('asks for the first page without a cursor and for a later one after its cursor', () => {
    expect(pageQuery(20, undefined)).toEqual({ limit: 20 });
    expect(pageQuery(20, null)).toEqual({ limit: 20 });
    expect(pageQuery(20, '')).toEqual({ limit: 20 });
    expect(pageQuery(20, 'c2')).toEqual({ limit: 20, cursor: 'c2' });
  });
});

describe('cursorPage', () => {
  it('reads the items and the next cursor, null after the last page', () => {
    expect(cursorPage({ items: [{ id: 'a' }], next_cursor: 'c2' })).toEqual({
      items: [{ id: 'a' }],
      next: 'c2',
    });
    expect(cursorPage({ items: [{ id: 'b' }] })).toEqual({ items: [{ id: 'b' }], next: null });
    expect(cursorPage(undefined)).toEqual({ items: [], next: null });
  });
});
