/**
 * The editor's autosave queue, as pure functions over an immutable state. The hook (useAutosave)
 * owns the timers and the requests; these functions decide what to send and what to show:
 *
 * - `local` is what the member sees and is never replaced by a save's answer, so text typed while a
 *   save is in flight is kept;
 * - `saved` is what the server holds as far as we know, the version our ETag names;
 * - one save at a time: the next patch holds only what changed since `saved` with the in-flight
 *   patch on top (edits made meanwhile are merged into one patch, an edit undone is dropped);
 * - a 412 pauses saving until the member chooses "reload theirs" or "keep mine" (src/api/conflict.ts).
 */
import { changedKeys, resolveStale } from '../../api/conflict';
import type { UiError } from '../../api/problem';
import { EDITABLE_FIELDS, type EditableField, type VisionFields } from './sections';

export type Patch = Partial<VisionFields>;

export interface AutosaveState {
  /** What the server holds, as far as we know: the fields the ETag names. */
  saved: VisionFields;
  etag: string;
  /** What the member sees and types into. */
  local: VisionFields;
  /** The patch being sent, if any. */
  inFlight: Patch | null;
  /** The last save's failure (not a 412), until the next save succeeds. */
  failure: UiError | null;
  /** A save met 412: saves wait for the member's choice. */
  stale: boolean;
}

export function initialState(fields: VisionFields, etag: string): AutosaveState {
  return { saved: fields, etag, local: fields, inFlight: null, failure: null, stale: false };
}

/** The fields whose value in `local` differs from `base`, with the local values. */
export function changedFields(base: VisionFields, local: VisionFields): Patch {
  const patch: Patch = {};
  for (const key of EDITABLE_FIELDS) {
    if (local[key] !== base[key]) patch[key] = local[key];
  }
  return patch;
}

/**
 * Merges a newer edit into edits not sent yet: the newer value of a field wins, other fields are
 * kept.
 */
export function mergeEdits(pending: Patch, newer: Patch): Patch {
  return { ...pending, ...newer };
}

/**
 * What the next save must send: the fields that differ from what the server will hold once the
 * in-flight patch (if any) is saved. Edits made during the flight are merged into it; a field
 * typed back to the value being sent needs nothing more.
 */
export function pendingPatch(state: AutosaveState): Patch {
  const base = state.inFlight ? { ...state.saved, ...state.inFlight } : state.saved;
  return changedFields(base, state.local);
}

export function hasPending(state: AutosaveState): boolean {
  return Object.keys(pendingPatch(state)).length > 0;
}

/** Whether a save may start now: something to send, nothing in flight, no unresolved 412. */
export function canSend(state: AutosaveState): boolean {
  return !state.inFlight && !state.stale && hasPending(state);
}

export function edit(state: AutosaveState, field: EditableField, value: string): AutosaveState {
  if (state.local[field] === value) return state;
  return { ...state, local: { ...state.local, [field]: value } };
}

/** Starts a save: the patch and the If-Match to send. Call only when canSend. */
export function begin(state: AutosaveState): {
  state: AutosaveState;
  patch: Patch;
  ifMatch: string;
} {
  const patch = pendingPatch(state);
  return { state: { ...state, inFlight: patch }, patch, ifMatch: state.etag };
}

/** The save succeeded: the server's fields and ETag become the base; what the member typed stays. */
export function succeeded(state: AutosaveState, server: VisionFields, etag: string): AutosaveState {
  return { ...state, saved: server, etag, inFlight: null, failure: null };
}

/** The save failed. A 412 pauses saving until the member chooses; other failures are shown. */
export function failed(state: AutosaveState, error: UiError): AutosaveState {
  if (error.kind === 'stale') return { ...state, inFlight: null, stale: true, failure: null };
  return { ...state, inFlight: null, failure: error };
}

/** What a 412 offers, from the server's current fields and ETag. */
export function staleChoice(state: AutosaveState, theirs: VisionFields, etag: string) {
  return resolveStale({ base: state.saved, mine: state.local, theirs: { fields: theirs, etag } });
}

/** "Reload theirs": their fields replace mine, and the ETag is theirs. */
export function reloadTheirs(
  _state: AutosaveState,
  theirs: VisionFields,
  etag: string,
): AutosaveState {
  return initialState(theirs, etag);
}

/**
 * "Keep mine": their fields with my changes (against the old base) on top; the base becomes theirs,
 * so the next save sends exactly my changed fields with their ETag.
 */
export function keepMine(state: AutosaveState, theirs: VisionFields, etag: string): AutosaveState {
  const choice = staleChoice(state, theirs, etag);
  return {
    saved: theirs,
    etag: choice.keepMine.ifMatch,
    local: choice.keepMine.fields,
    inFlight: null,
    failure: null,
    stale: false,
  };
}

/** Fields whose save failed with a message of their own (400), keyed by JSON name. */
export function fieldErrors(state: AutosaveState): Record<string, string> {
  return state.failure?.fieldErrors ?? {};
}

export type SaveStatusKind = 'saved' | 'pending' | 'saving' | 'failed' | 'stale';

/** The words of the save status line (announced politely). */
export function saveStatus(state: AutosaveState): { kind: SaveStatusKind; text: string } {
  if (state.stale) return { kind: 'stale', text: 'Not saved: this version was changed elsewhere' };
  if (state.inFlight) return { kind: 'saving', text: 'Saving…' };
  if (state.failure) {
    const fields = Object.keys(state.failure.fieldErrors).length;
    return {
      kind: 'failed',
      text:
        fields > 0
          ? 'Not saved: please check the highlighted sections'
          : `Not saved: ${state.failure.message}`,
    };
  }
  if (hasPending(state)) return { kind: 'pending', text: 'Unsaved changes' };
  return { kind: 'saved', text: 'All changes saved' };
}

/** The fields that differ between two sets (for "reload theirs" / "keep mine" wording). */
export function differingFields(a: VisionFields, b: VisionFields): EditableField[] {
  return changedKeys(a, b) as EditableField[];
}
