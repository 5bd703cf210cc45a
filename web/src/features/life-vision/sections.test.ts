import { describe, expect, it } from 'vitest';
import {
  blankCategories,
  completionPercentage,
  EDITABLE_FIELDS,
  fieldsOf,
  isWritten,
  SECTION_KEYS,
  sectionLabel,
  writtenCount,
} from './sections';

describe('the 14 sections', () => {
  it('are the forward, the 12 categories and the conclusion, in reading order', () => {
    expect(SECTION_KEYS).toHaveLength(14);
    expect(SECTION_KEYS[0]).toBe('forward');
    expect(SECTION_KEYS[1]).toBe('fun');
    expect(SECTION_KEYS[13]).toBe('conclusion');
    expect(EDITABLE_FIELDS).toEqual(['title', ...SECTION_KEYS]);
    expect(sectionLabel('forward')).toBe('Forward');
    expect(sectionLabel('health')).toBe('Health & Vitality');
    expect(sectionLabel('other')).toBe('other');
  });

  it('count whitespace-only text as not written', () => {
    expect(isWritten('  \n\t ')).toBe(false);
    expect(isWritten(undefined)).toBe(false);
    expect(isWritten(' a ')).toBe(true);
  });

  it('compute completion as the server does: written of 14, rounded', () => {
    expect(completionPercentage({})).toBe(0);
    expect(completionPercentage({ fun: 'x' })).toBe(7); // 1/14 = 7.14
    expect(completionPercentage({ fun: 'x', health: 'y', money: '  ' })).toBe(14); // 2/14
    const all = Object.fromEntries(SECTION_KEYS.map((k) => [k, 'text']));
    expect(completionPercentage(all)).toBe(100);
    expect(completionPercentage({ ...all, conclusion: '' })).toBe(93); // 13/14 = 92.86
    expect(writtenCount({ ...all, forward: ' ' })).toBe(13);
  });

  it('need only the 12 categories to complete', () => {
    const categories = Object.fromEntries(SECTION_KEYS.map((k) => [k, 'text']));
    expect(blankCategories({ ...categories, forward: '', conclusion: '' })).toEqual([]);
    expect(blankCategories({ ...categories, money: ' ', fun: '' })).toEqual(['fun', 'money']);
  });

  it('read a vision with missing texts as empty', () => {
    const fields = fieldsOf({ id: 'v', title: 'T', fun: 'joy' });
    expect(fields.title).toBe('T');
    expect(fields.fun).toBe('joy');
    expect(fields.conclusion).toBe('');
    expect(Object.keys(fields)).toEqual([...EDITABLE_FIELDS]);
  });
});
