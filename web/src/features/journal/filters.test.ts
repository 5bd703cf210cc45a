import { describe, expect, it } from 'vitest';
import {
  entriesQuery,
  filterErrors,
  filterWords,
  filtersFromSearch,
  filtersOfForm,
  filtersToSearch,
  formatDay,
  isIsoDate,
} from './filters';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-12-06')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('6/12/2026')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('filters and the address', () => {
  it('reads the address, leaving out what is blank or wrong', () => {
    expect(
      filtersFromSearch(
        new URLSearchParams('q=+heron+&from=2026-12-01&to=nope&category=health&x=1'),
      ),
    ).toEqual({ q: 'heron', from: '2026-12-01', category: 'health' });
    expect(filtersFromSearch(new URLSearchParams('q=%20&category=cooking'))).toEqual({});
  });

  it('writes only what is set', () => {
    expect(filtersToSearch({ q: 'river', category: 'fun' })).toEqual({
      q: 'river',
      category: 'fun',
    });
    expect(filtersToSearch({ q: '  ' })).toEqual({});
  });
});

describe('entriesQuery', () => {
  it('maps the filters to the API query with the page', () => {
    expect(entriesQuery({})).toEqual({ limit: 10 });
    expect(
      entriesQuery(
        { q: 'heron walk', from: '2026-01-01', to: '2026-12-31', category: 'health' },
        'c2',
      ),
    ).toEqual({
      q: 'heron walk',
      from: '2026-01-01',
      to: '2026-12-31',
      category: 'health',
      limit: 10,
      cursor: 'c2',
    });
  });
});

describe('filterErrors', () => {
  const blank = { q: '', from: '', to: '', category: '' };

  it('accepts a blank or sensible form', () => {
    expect(filterErrors(blank)).toEqual({});
    expect(filterErrors({ ...blank, from: '2026-01-01', to: '2026-01-01' })).toEqual({});
  });

  it('names the input that is wrong', () => {
    expect(filterErrors({ ...blank, from: '2026-02-01', to: '2026-01-01' })).toEqual({
      to: 'The last day is before the first day.',
    });
    expect(filterErrors({ ...blank, from: '2026-02-30' })).toEqual({
      from: 'Enter a date, e.g. 2025-01-31.',
    });
    expect(filterErrors({ ...blank, q: 'x'.repeat(201) })).toHaveProperty('q');
  });

  it('applies a valid form', () => {
    expect(filtersOfForm({ q: ' kite ', from: '', to: '2026-12-06', category: 'fun' })).toEqual({
      q: 'kite',
      to: '2026-12-06',
      category: 'fun',
    });
  });
});

describe('words', () => {
  it('formats a day in local time, not shifted by the time zone', () => {
    expect(formatDay('2026-12-06', 'en-GB')).toBe('Sun, 6 Dec 2026');
    expect(formatDay('nope', 'en-GB')).toBe('nope');
  });

  it('describes the filters', () => {
    expect(filterWords({})).toBe('All your entries, newest first.');
    expect(filterWords({ q: 'heron', category: 'health' }, 'en-GB')).toBe(
      'Entries matching “heron”, in Health & Vitality, best match first.',
    );
    expect(filterWords({ from: '2026-12-01', to: '2026-12-06' }, 'en-GB')).toBe(
      'Entries from Tue, 1 Dec 2026 to Sun, 6 Dec 2026, newest first.',
    );
  });
});
