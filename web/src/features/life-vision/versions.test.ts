import { describe, expect, it } from 'vitest';
import type { UiError } from '../../api/problem';
import { blankSectionsOf, completeErrorOf, deleteErrorOf } from './errors';
import {
  activeVersionId,
  displayTitle,
  suggestedTitle,
  versionRole,
  type Vision,
} from './versions';

const v = (over: Partial<Vision>): Vision => ({
  id: 'x',
  status: 'draft',
  version_number: 1,
  updated_at: '2026-01-01T00:00:00Z',
  ...over,
});

describe('the active version', () => {
  it('is the version the API marks active, not the one updated last', () => {
    const list = [
      v({ id: 'd', status: 'draft', updated_at: '2026-05-01T00:00:00Z' }),
      v({ id: 'c1', status: 'complete', updated_at: '2026-04-01T00:00:00Z' }),
      v({ id: 'c2', status: 'complete', updated_at: '2026-03-01T00:00:00Z', is_active: true }),
    ];
    expect(activeVersionId(list)).toBe('c2');
    expect(versionRole(list[1]!, 'c2')).toBe('complete');
    expect(versionRole(list[2]!, 'c2')).toBe('active');
    expect(versionRole(list[0]!, 'c2')).toBe('draft');
  });

  it('does not exist while no version is complete', () => {
    expect(activeVersionId([v({ id: 'd' })])).toBeUndefined();
    expect(activeVersionId([])).toBeUndefined();
  });
});

describe('names', () => {
  it('shows an untitled vision and suggests the next title', () => {
    expect(displayTitle({ title: '  ' })).toBe('Untitled vision');
    expect(suggestedTitle([])).toBe('My Life Vision');
    expect(suggestedTitle([v({ version_number: 3 }), v({ version_number: 1 })])).toBe(
      'My Life Vision 4',
    );
  });
});

describe('answers in words', () => {
  const problem = (status: number, kind: UiError['kind'], fieldErrors = {}): UiError => ({
    kind,
    status,
    title: 't',
    message: 'm',
    fieldErrors,
    retryable: false,
  });

  it('explains why a complete version cannot be deleted (409)', () => {
    expect(deleteErrorOf(problem(409, 'conflict')).message).toMatch(/Only drafts can be deleted/);
    expect(deleteErrorOf(problem(404, 'not-found')).message).toBe('m');
  });

  it('lists the blank categories of a 422 on complete', () => {
    const error = problem(422, 'validation', {
      fun: 'must not be blank to complete the vision',
      money: 'must not be blank to complete the vision',
    });
    expect(blankSectionsOf(error)).toEqual(['fun', 'money']);
    expect(completeErrorOf(error).message).toContain('Fun & Recreation, Money & Wealth');
    expect(blankSectionsOf(problem(400, 'validation', { fun: 'x' }))).toEqual([]);
  });
});
