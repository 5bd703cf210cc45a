import { describe, expect, it } from 'vitest';
import type { UiError } from '../../api/problem';
import {
  begin,
  canSend,
  changedFields,
  edit,
  failed,
  hasPending,
  initialState,
  keepMine,
  mergeEdits,
  pendingPatch,
  reloadTheirs,
  saveStatus,
  staleChoice,
  succeeded,
} from './autosave';
import { EDITABLE_FIELDS, type VisionFields } from './sections';

function fields(values: Partial<VisionFields> = {}): VisionFields {
  const all = Object.fromEntries(EDITABLE_FIELDS.map((k) => [k, ''])) as VisionFields;
  return { ...all, title: 'My vision', ...values };
}

const stale: UiError = {
  kind: 'stale',
  title: 'Changed',
  message: 'Changed elsewhere',
  fieldErrors: {},
  retryable: false,
  status: 412,
};

describe('which fields changed since the last save', () => {
  it('lists only the fields that differ, with my values', () => {
    const saved = fields({ fun: 'a', health: 'h' });
    const local = fields({ fun: 'a!', health: 'h', money: 'm' });
    expect(changedFields(saved, local)).toEqual({ fun: 'a!', money: 'm' });
    expect(changedFields(saved, saved)).toEqual({});
  });

  it('drops an edit typed back to the saved value', () => {
    let state = initialState(fields({ fun: 'a' }), '"1"');
    state = edit(state, 'fun', 'ab');
    expect(pendingPatch(state)).toEqual({ fun: 'ab' });
    state = edit(state, 'fun', 'a');
    expect(pendingPatch(state)).toEqual({});
    expect(canSend(state)).toBe(false);
  });
});

describe('the autosave queue', () => {
  it('merges pending edits: the newer value of a field wins, other fields are kept', () => {
    expect(mergeEdits({ fun: 'a', health: 'h' }, { fun: 'b', money: 'm' })).toEqual({
      fun: 'b',
      health: 'h',
      money: 'm',
    });
  });

  it('sends one patch with the ETag of the last save', () => {
    let state = initialState(fields(), '"1"');
    state = edit(state, 'fun', 'f');
    state = edit(state, 'health', 'h');
    const started = begin(state);
    expect(started.patch).toEqual({ fun: 'f', health: 'h' });
    expect(started.ifMatch).toBe('"1"');
    expect(canSend(started.state)).toBe(false); // one save at a time
    expect(saveStatus(started.state).text).toBe('Saving…');
  });

  it('keeps text typed while a save is in flight and sends only that next', () => {
    let state = initialState(fields(), '"1"');
    state = edit(state, 'fun', 'f');
    const started = begin(state);
    state = edit(started.state, 'fun', 'f and more'); // same field, typed during the flight
    state = edit(state, 'money', 'm'); // another field
    expect(pendingPatch(state)).toEqual({ fun: 'f and more', money: 'm' });

    const server = fields({ fun: 'f' });
    state = succeeded(state, server, '"2"');
    expect(state.local.fun).toBe('f and more'); // not replaced by the answer
    expect(state.etag).toBe('"2"');
    const next = begin(state);
    expect(next.patch).toEqual({ fun: 'f and more', money: 'm' });
    expect(next.ifMatch).toBe('"2"');
  });

  it('needs nothing more when the text typed during the flight equals what is being sent', () => {
    let state = initialState(fields(), '"1"');
    state = edit(state, 'fun', 'f');
    state = begin(state).state;
    state = edit(state, 'fun', 'fx');
    state = edit(state, 'fun', 'f');
    expect(hasPending(state)).toBe(false);
  });

  it('says saved, unsaved, failed', () => {
    let state = initialState(fields(), '"1"');
    expect(saveStatus(state)).toEqual({ kind: 'saved', text: 'All changes saved' });
    state = edit(state, 'fun', 'f');
    expect(saveStatus(state).kind).toBe('pending');
    state = failed(begin(state).state, {
      kind: 'validation',
      title: 'Check',
      message: 'm',
      fieldErrors: { fun: 'size must be between 0 and 20000' },
      retryable: false,
      status: 400,
    });
    expect(saveStatus(state).text).toBe('Not saved: please check the highlighted sections');
    expect(state.local.fun).toBe('f');
    expect(canSend(state)).toBe(true); // the next edit tries again
  });
});

describe('emptying a life category of a complete version (409)', () => {
  it('keeps what the member typed, highlights the section and saves again on the next edit', () => {
    let state = initialState(fields({ health: 'h' }), '"1"');
    state = edit(state, 'health', '');
    state = failed(begin(state).state, {
      kind: 'conflict',
      title: "That can't be done right now",
      message: 'a complete vision keeps all 12 life categories written',
      fieldErrors: {
        health: 'must not be emptied: the vision is complete (start a new version to rewrite it)',
      },
      retryable: false,
      status: 409,
    });
    expect(state.stale).toBe(false);
    expect(saveStatus(state).text).toBe('Not saved: please check the highlighted sections');
    expect(state.local.health).toBe('');
    state = edit(state, 'health', 'h again');
    expect(canSend(state)).toBe(true);
  });
});

describe('a stale save (412)', () => {
  const base = fields({ fun: 'f0', health: 'h0', money: 'm0' });

  function staleState() {
    let state = initialState(base, '"1"');
    state = edit(state, 'health', 'h-mine');
    state = failed(begin(state).state, stale);
    return state;
  }

  it('pauses saving and keeps my text', () => {
    const state = staleState();
    expect(state.stale).toBe(true);
    expect(canSend(state)).toBe(false);
    expect(state.local.health).toBe('h-mine');
    expect(saveStatus(state).kind).toBe('stale');
  });

  it('keep mine: their fields with my change on top, sent with their ETag', () => {
    const theirs = fields({ fun: 'f0', health: 'h-theirs', money: 'm-theirs' });
    const choice = staleChoice(staleState(), theirs, '"9"');
    expect(choice.conflicts).toEqual(['health']);
    const state = keepMine(staleState(), theirs, '"9"');
    expect(state.local).toEqual({ ...theirs, health: 'h-mine' });
    const next = begin(state);
    expect(next.patch).toEqual({ health: 'h-mine' });
    expect(next.ifMatch).toBe('"9"');
  });

  it('reload theirs: their fields replace mine and nothing is left to send', () => {
    const theirs = fields({ health: 'h-theirs' });
    const state = reloadTheirs(staleState(), theirs, '"9"');
    expect(state.local).toEqual(theirs);
    expect(state.etag).toBe('"9"');
    expect(hasPending(state)).toBe(false);
    expect(state.stale).toBe(false);
  });
});
