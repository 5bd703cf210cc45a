import { describe, expect, it } from 'vitest';
import type { UiError } from '../../api/problem';
import {
  begin,
  canSend,
  edit,
  initialDraft,
  keepMine,
  pendingPatch,
  refused,
  reloadTheirs,
  saveStatus,
  staleChoice,
  staleHit,
  succeeded,
  unsavedFields,
} from './draft';

const version = { id: 'v1', first_name: 'Ann', city: 'Lyon', has_children: false, hobbies: null };

function validation(fieldErrors: Record<string, string>): UiError {
  return {
    kind: 'validation',
    title: 't',
    message: 'm',
    fieldErrors,
    retryable: false,
    status: 400,
  };
}

describe('the draft save queue', () => {
  it('sends only what changed, and nothing for an edit typed back', () => {
    let state = initialDraft(version, '"e1"');
    expect(canSend(state)).toBe(false);
    expect(saveStatus(state)).toBe('saved');
    state = edit(state, 'first_name', 'Anna');
    state = edit(state, 'hobbies', 'chess, yoga');
    expect(pendingPatch(state)).toEqual({ first_name: 'Anna', hobbies: ['chess', 'yoga'] });
    expect(saveStatus(state)).toBe('unsaved');
    state = edit(state, 'hobbies', '');
    expect(pendingPatch(state)).toEqual({ first_name: 'Anna' });
  });

  it('keeps typing during a save for the next one', () => {
    let state = edit(initialDraft(version, '"e1"'), 'first_name', 'Anna');
    const started = begin(state);
    expect(started.ifMatch).toBe('"e1"');
    expect(started.patch).toEqual({ first_name: 'Anna' });
    state = edit(started.state, 'city', 'Paris');
    expect(saveStatus(state)).toBe('saving');
    expect(canSend(state)).toBe(false);
    expect(pendingPatch(state)).toEqual({ city: 'Paris' });
    state = succeeded(state, { ...version, first_name: 'Anna' }, '"e2"');
    expect(state.etag).toBe('"e2"');
    expect(state.form.city).toBe('Paris');
    expect(pendingPatch(state)).toEqual({ city: 'Paris' });
  });

  it('holds back a refused field until it changes, and saves the rest', () => {
    let state = edit(initialDraft(version, '"e1"'), 'email', 'nope');
    state = edit(state, 'city', 'Paris');
    state = begin(state).state;
    state = refused(state, validation({ email: 'must be an e-mail address' }));
    expect(state.fieldErrors).toEqual({ email: 'must be an e-mail address' });
    expect(state.failure).toBeNull();
    expect(pendingPatch(state)).toEqual({ city: 'Paris' });
    expect(unsavedFields(state).sort()).toEqual(['city', 'email']);
    state = succeeded(begin(state).state, { ...version, city: 'Paris' }, '"e2"');
    expect(saveStatus(state)).toBe('invalid');
    expect(state.fieldErrors.email).toBeDefined();
    state = edit(state, 'email', 'ann@example.com');
    expect(pendingPatch(state)).toEqual({ email: 'ann@example.com' });
    state = succeeded(
      begin(state).state,
      { ...version, city: 'Paris', email: 'ann@example.com' },
      '"e3"',
    );
    expect(state.fieldErrors).toEqual({});
    expect(saveStatus(state)).toBe('saved');
  });

  it('shows a refusal that names no sent field as a failure', () => {
    const state = refused(
      begin(edit(initialDraft(version, '"e1"'), 'city', 'X')).state,
      validation({}),
    );
    expect(state.failure?.kind).toBe('validation');
    expect(saveStatus(state)).toBe('failed');
  });

  it('offers reload theirs or keep mine after a 412', () => {
    let state = edit(initialDraft(version, '"e1"'), 'first_name', 'Anna');
    state = staleHit(begin(state).state);
    expect(saveStatus(state)).toBe('stale');
    expect(canSend(state)).toBe(false);
    const theirs = { ...version, first_name: 'Annie', city: 'Nice' };
    const choice = staleChoice(state, theirs, '"e9"');
    expect(choice.conflicts).toEqual(['first_name']);
    expect(choice.reloadTheirs.discarded).toEqual(['first_name']);

    const mine = keepMine(state, theirs, '"e9"');
    expect(mine.form.first_name).toBe('Anna');
    expect(mine.form.city).toBe('Nice');
    expect(mine.etag).toBe('"e9"');
    expect(pendingPatch(mine)).toEqual({ first_name: 'Anna' });

    const reloaded = reloadTheirs(theirs, '"e9"');
    expect(reloaded.form.first_name).toBe('Annie');
    expect(canSend(reloaded)).toBe(false);
  });
});
