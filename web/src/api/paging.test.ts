import { describe, expect, it } from 'vitest';
import { appendPage, nextCursor } from './paging';

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
