import { describe, expect, it } from 'vitest';
import { fieldErrorId, fieldErrorProps } from './fieldIds';

describe('field error wiring', () => {
  it('makes an id from a dotted, indexed JSON name', () => {
    expect(fieldErrorId('sections[1].text')).toBe('sections-1-text-error');
    expect(fieldErrorId('first_name')).toBe('first_name-error');
  });

  it('marks an input invalid and points it at its message only when there is one', () => {
    expect(fieldErrorProps('title', { title: 'must not be blank' })).toEqual({
      'aria-invalid': true,
      'aria-describedby': 'title-error',
    });
    expect(fieldErrorProps('title', { other: 'x' })).toEqual({});
    expect(fieldErrorProps('title', undefined, 'title-hint')).toEqual({
      'aria-describedby': 'title-hint',
    });
    expect(fieldErrorProps('title', { title: 'x' }, 'title-hint')['aria-describedby']).toBe(
      'title-hint title-error',
    );
  });
});
