import { describe, expect, it } from 'vitest';
import {
  EMPTY_ITEM,
  boardQuery,
  filterWords,
  filtersFromSearch,
  filtersToSearch,
  itemErrors,
  itemFields,
  itemPatch,
  newItemBody,
  nextAction,
  statusCounts,
  type ItemFields,
} from './board';

describe('filters', () => {
  it('reads the address, ignoring unknown values', () => {
    expect(filtersFromSearch(new URLSearchParams('status=actualized&category=home'))).toEqual({
      status: 'actualized',
      category: 'home',
    });
    expect(filtersFromSearch(new URLSearchParams('status=done&category=cooking'))).toEqual({});
  });

  it('maps to the address and the API query', () => {
    expect(filtersToSearch({})).toEqual({});
    expect(filtersToSearch({ category: 'fun' })).toEqual({ category: 'fun' });
    expect(boardQuery({})).toEqual({ limit: 24 });
    expect(boardQuery({ status: 'inactive', category: 'travel' }, 'next-1')).toEqual({
      status: 'inactive',
      category: 'travel',
      limit: 24,
      cursor: 'next-1',
    });
  });

  it('says what is shown', () => {
    expect(filterWords({})).toBe('Showing every item.');
    expect(filterWords({ status: 'actualized' })).toBe('Showing actualized items.');
    expect(filterWords({ category: 'home' })).toBe('Showing items in Home & Environment.');
    expect(filterWords({ status: 'active', category: 'fun' })).toBe(
      'Showing active items in Fun & Recreation.',
    );
  });
});

describe('statusCounts', () => {
  it('lists every status in order, zeros included, with the total', () => {
    expect(
      statusCounts({
        statuses: [
          { status: 'actualized', count: 2 },
          { status: 'active', count: 3 },
        ],
        total: 5,
      }),
    ).toEqual({
      counts: [
        { status: 'active', label: 'Active', count: 3 },
        { status: 'actualized', label: 'Actualized', count: 2 },
        { status: 'inactive', label: 'Inactive', count: 0 },
      ],
      total: 5,
    });
  });

  it('sums the counts when the total is missing, and shows zeros before loading', () => {
    expect(
      statusCounts({
        statuses: [
          { status: 'active', count: 1 },
          { status: 'inactive', count: 4 },
        ],
      }).total,
    ).toBe(5);
    expect(statusCounts(undefined).counts.map((c) => c.count)).toEqual([0, 0, 0]);
  });
});

describe('the item form', () => {
  const saved: ItemFields = {
    name: 'A house by the sea',
    description: 'Light',
    categories: ['travel', 'home'],
    status: 'active',
    image_url: 's3://bucket/users/u/vision_board_image/1.png',
  };

  it('reads an item: nulls as blanks, life areas in order', () => {
    expect(
      itemFields({
        name: 'X',
        description: null as unknown as string,
        // a value the API does not send today: ignored
        categories: ['home', 'fun', 'unknown' as never],
        status: 'actualized',
        image_url: null as unknown as string,
      }),
    ).toEqual({
      name: 'X',
      description: '',
      categories: ['fun', 'home'],
      status: 'actualized',
      image_url: '',
    });
  });

  it('needs a name and bounded text', () => {
    expect(itemErrors({ ...EMPTY_ITEM, name: '  ' })).toEqual({ name: 'Give this item a name.' });
    expect(itemErrors({ ...EMPTY_ITEM, name: 'x'.repeat(201) }).name).toMatch(/200 characters/);
    expect(itemErrors({ ...EMPTY_ITEM, name: 'ok', description: 'x'.repeat(5001) })).toHaveProperty(
      'description',
    );
    expect(itemErrors(saved)).toEqual({});
  });

  it('creates without blank optional fields', () => {
    expect(newItemBody({ ...EMPTY_ITEM, name: ' Bike ' })).toEqual({
      name: 'Bike',
      categories: [],
      status: 'active',
    });
    expect(newItemBody(saved)).toEqual(saved);
  });

  it('patches only what changed; blank clears', () => {
    expect(itemPatch(saved, saved)).toEqual({});
    expect(itemPatch(saved, { ...saved, description: '', image_url: '' })).toEqual({
      description: '',
      image_url: '',
    });
    expect(
      itemPatch(saved, { ...saved, name: 'A house by the ocean ', categories: ['home'] }),
    ).toEqual({
      name: 'A house by the ocean',
      categories: ['home'],
    });
  });

  it('offers actualize, or moving back once actualized', () => {
    expect(nextAction('active')).toBe('actualize');
    expect(nextAction('inactive')).toBe('actualize');
    expect(nextAction('actualized')).toBe('move-back');
  });
});
