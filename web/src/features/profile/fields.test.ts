import { describe, expect, it } from 'vitest';
import {
  apiValuesOf,
  FIELDS,
  fieldLabel,
  formValuesOf,
  inputId,
  normalized,
  toApiValue,
  toFormValue,
} from './fields';

describe('form text and API values', () => {
  it('turns blanks into null and keeps text as typed', () => {
    expect(toApiValue('text', '')).toBeNull();
    expect(toApiValue('text', '   ')).toBeNull();
    expect(toApiValue('text', 'Ann ')).toBe('Ann ');
    expect(toApiValue('textarea', 'line one\nline two')).toBe('line one\nline two');
  });

  it('reads yes/no, whole numbers and comma lists', () => {
    expect(toApiValue('bool', 'yes')).toBe(true);
    expect(toApiValue('bool', 'no')).toBe(false);
    expect(toApiValue('bool', '')).toBeNull();
    expect(toApiValue('int', ' 3 ')).toBe(3);
    // not a whole number: sent as typed, for the API to name as invalid
    expect(toApiValue('int', 'three')).toBe('three');
    expect(toApiValue('list', 'hiking, chess,, ')).toEqual(['hiking', 'chess']);
    expect(toApiValue('list', ' , ')).toBeNull();
  });

  it('shows API values as text', () => {
    expect(toFormValue('bool', false)).toBe('no');
    expect(toFormValue('bool', null)).toBe('');
    expect(toFormValue('int', 0)).toBe('0');
    expect(toFormValue('list', ['3', '5'])).toBe('3, 5');
    expect(toFormValue('text', undefined)).toBe('');
  });

  it('round-trips a version so unchanged fields compare equal', () => {
    const version = {
      first_name: 'Ann',
      has_children: false,
      number_of_children: 0,
      hobbies: ['chess', 'hiking'],
      city: '  ',
      id: 'not a form field',
    };
    const values = normalized(version);
    expect(values.first_name).toBe('Ann');
    expect(values.has_children).toBe(false);
    expect(values.number_of_children).toBe(0);
    expect(values.hobbies).toEqual(['chess', 'hiking']);
    expect(values.city).toBeNull();
    expect(values).not.toHaveProperty('id');
    expect(apiValuesOf(formValuesOf(version))).toEqual(values);
    expect(Object.keys(values)).toHaveLength(FIELDS.length);
  });

  it('names fields and their inputs', () => {
    expect(fieldLabel('first_name')).toBe('First name');
    expect(fieldLabel('profile_picture_url')).toBe('Profile picture');
    expect(fieldLabel('something_new')).toBe('Something new');
    expect(inputId('first_name')).toBe('profile-first_name');
  });

  it('lists every field once', () => {
    const names = FIELDS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('version_notes');
    expect(names).not.toContain('profile_picture_url');
  });
});
