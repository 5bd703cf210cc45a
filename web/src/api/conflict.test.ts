import { describe, expect, it } from 'vitest';
import { changedKeys, jsonEqual, resolveStale } from './conflict';

interface Vision extends Record<string, unknown> {
  title: string;
  forward: string;
  health: string;
  money: string;
}

const base: Vision = { title: 'My vision', forward: 'f0', health: 'h0', money: 'm0' };

describe('resolveStale', () => {
  it('keep mine re-sends only my changed fields, with their new ETag', () => {
    const mine = { ...base, health: 'h-mine' };
    const theirs = { fields: { ...base, money: 'm-theirs' }, etag: '"v2"' };
    const choice = resolveStale({ base, mine, theirs });

    expect(choice.keepMine.patch).toEqual({ health: 'h-mine' });
    expect(choice.keepMine.ifMatch).toBe('"v2"');
    // their money change survives, my health change is on top
    expect(choice.keepMine.fields).toEqual({ ...base, health: 'h-mine', money: 'm-theirs' });
    expect(choice.conflicts).toEqual([]);
    expect(choice.clean).toBe(true);
  });

  it('reload theirs shows their fields and names the changes it throws away', () => {
    const mine = { ...base, health: 'h-mine', title: 'New title' };
    const theirs = { fields: { ...base, health: 'h-theirs' }, etag: '"v3"' };
    const choice = resolveStale({ base, mine, theirs });

    expect(choice.reloadTheirs.fields).toEqual(theirs.fields);
    expect(choice.reloadTheirs.etag).toBe('"v3"');
    expect(choice.reloadTheirs.discarded.sort()).toEqual(['health', 'title']);
  });

  it('names the fields both sides changed differently', () => {
    const mine = { ...base, health: 'h-mine', forward: 'same' };
    const theirs = { fields: { ...base, health: 'h-theirs', forward: 'same' }, etag: 'W/"4"' };
    const choice = resolveStale({ base, mine, theirs });

    expect(choice.conflicts).toEqual(['health']);
    expect(choice.keepMine.overwrites).toEqual(['health']);
    expect(choice.clean).toBe(false);
    // an identical change on both sides is not lost by reloading
    expect(choice.reloadTheirs.discarded).toEqual(['health']);
  });

  it('sends an empty patch when I changed nothing', () => {
    const choice = resolveStale({ base, mine: base, theirs: { fields: base, etag: '"v5"' } });
    expect(choice.keepMine.patch).toEqual({});
    expect(choice.reloadTheirs.discarded).toEqual([]);
  });

  it('compares nested values structurally', () => {
    const b = { title: 't', tags: ['a', 'b'], meta: { x: 1 } };
    const mine = { title: 't', tags: ['a', 'b'], meta: { x: 2 } };
    const choice = resolveStale({ base: b, mine, theirs: { fields: b, etag: '"e"' } });
    expect(choice.keepMine.patch).toEqual({ meta: { x: 2 } });
  });
});

describe('jsonEqual and changedKeys', () => {
  it('compares JSON values', () => {
    expect(jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
  });

  it('lists keys added, removed or changed', () => {
    expect(changedKeys<Record<string, unknown>>({ a: 1, b: 2 }, { a: 1, c: 3 }).sort()).toEqual([
      'b',
      'c',
    ]);
  });
});
