import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  completionOf,
  displayName,
  pictureLinkOf,
  stateOf,
  versionSet,
  versionTitle,
} from './versions';

const active = {
  id: 'a',
  version_number: 2,
  is_active: true,
  is_draft: false,
  completion_percentage: 45,
};
const draft = {
  id: 'd',
  version_number: 3,
  is_active: false,
  is_draft: true,
  completion_percentage: 50,
};
const old = { id: 'o', version_number: 1, is_active: false, is_draft: false };

describe('versions', () => {
  it('tells active, draft and history apart, with what may be done to each', () => {
    expect([active, draft, old].map(stateOf)).toEqual(['active', 'draft', 'history']);
    expect(actionsOf(active)).toEqual({ edit: false, activate: false, remove: false });
    expect(actionsOf(draft)).toEqual({ edit: true, activate: false, remove: true });
    expect(actionsOf(old)).toEqual({ edit: false, activate: true, remove: true });
  });

  it('finds the active version and the draft, keeping the API order', () => {
    const set = versionSet([draft, active, old]);
    expect(set.active?.id).toBe('a');
    expect(set.draft?.id).toBe('d');
    expect(set.all.map((v) => v.id)).toEqual(['d', 'a', 'o']);
    expect(versionSet([])).toEqual({ all: [] });
  });

  it('names versions and clamps completion', () => {
    expect(versionTitle(active)).toBe('Version 2');
    expect(completionOf(active)).toBe(45);
    expect(completionOf({ completion_percentage: 140 })).toBe(100);
    expect(completionOf(undefined)).toBe(0);
    expect(displayName({ first_name: ' Ann ', last_name: 'Lee' })).toBe('Ann Lee');
    expect(displayName({})).toBe('');
  });

  it('shows the picture from its link only', () => {
    expect(pictureLinkOf({ profile_picture_link: 'http://s3/x?sig' })).toBe('http://s3/x?sig');
    expect(pictureLinkOf({ profile_picture_url: 's3://bucket/users/u/p.png' })).toBeUndefined();
  });
});
