import { describe, expect, it } from 'vitest';
import { changeLines, changesSummary, displayValue, EMPTY, PREVIEW_LENGTH } from './changes';

describe('changeLines', () => {
  it('labels each change, says what it was and is, in the form order', () => {
    const lines = changeLines([
      { field: 'city', old_value: 'Lyon', new_value: 'Paris' },
      { field: 'first_name', old_value: null, new_value: 'Ann' },
      { field: 'hobbies', old_value: ['chess'], new_value: [] },
      { field: 'passport', old_value: false, new_value: true },
    ]);
    expect(lines).toEqual([
      { field: 'first_name', label: 'First name', kind: 'added', before: EMPTY, after: 'Ann' },
      { field: 'city', label: 'City', kind: 'changed', before: 'Lyon', after: 'Paris' },
      { field: 'hobbies', label: 'Hobbies', kind: 'removed', before: 'chess', after: EMPTY },
      {
        field: 'passport',
        label: 'Do you have a passport?',
        kind: 'changed',
        before: 'No',
        after: 'Yes',
      },
    ]);
    expect(changeLines(undefined)).toEqual([]);
    expect(changeLines([{ old_value: 1 }])).toEqual([]);
  });

  it('never shows a storage reference, and reads options as members see them', () => {
    expect(displayValue('profile_picture_url', 's3://bucket/users/u/profile_picture/x.png')).toBe(
      'A picture',
    );
    expect(displayValue('progress_photos', ['a', 'b'])).toBe('2 photos');
    expect(displayValue('story_recordings', [{ url: 'x' }])).toBe('1 recording');
    expect(displayValue('travel_frequency', 'quarterly')).toBe('Quarterly');
    expect(displayValue('social_preference', 'ambivert')).toBe('An ambivert');
  });

  it('links the pictures of a picture change, never its references', () => {
    const [line] = changeLines([
      {
        field: 'profile_picture_url',
        old_value: null,
        new_value: 's3://bucket/users/u/profile_picture/x.png',
        old_link: null,
        new_link: 'http://127.0.0.1:9000/bucket/x.png?X-Amz-Signature=s',
      },
    ]);
    expect(line).toEqual({
      field: 'profile_picture_url',
      label: 'Profile picture',
      kind: 'added',
      before: EMPTY,
      after: 'A picture',
      afterImage: 'http://127.0.0.1:9000/bucket/x.png?X-Amz-Signature=s',
    });
  });

  it('shortens long stories to one line', () => {
    const long = `${'word '.repeat(60)}\nend`;
    const shown = displayValue('current_story', long);
    expect(shown.length).toBe(PREVIEW_LENGTH);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown).not.toContain('\n');
  });

  it('counts the changes', () => {
    expect(changesSummary([])).toBe('No changes');
    expect(changesSummary(changeLines([{ field: 'city', old_value: null, new_value: 'X' }]))).toBe(
      '1 field changed',
    );
  });
});
