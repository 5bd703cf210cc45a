/**
 * The draft editor's save queue, as pure functions over an immutable state; the hook (useDraft)
 * owns the timers and requests.
 *
 * - `form` is what the member sees and types into; a save's answer never replaces it;
 * - `saved` is what the server holds as far as we know (what `etag` names), in the API's values;
 * - one save at a time, holding only the fields that differ from `saved` (with the in-flight patch
 *   on top, so edits made meanwhile go in the next one);
 * - a field the server refused (400) keeps its message beside the input and is not sent again until
 *   the member changes it, so the other fields keep saving;
 * - a 412 pauses saving until the member chooses "reload theirs" or "keep mine".
 */
import { changedKeys, resolveStale, type StaleChoice } from '../../api/conflict';
import type { UiError } from '../../api/problem';
import { apiValuesOf, formValuesOf, normalized, type ApiValues, type FormValues } from './fields';

export interface DraftState {
  saved: ApiValues;
  etag: string;
  form: FormValues;
  /** The patch being sent, and the form's text of its fields when it was sent. */
  inFlight: { patch: ApiValues; text: FormValues } | null;
  /** field → the text the server refused; not sent again until it changes. */
  rejected: FormValues;
  /** field → the server's message, shown beside the input. */
  fieldErrors: Record<string, string>;
  /** The last save's failure that no field explains, until a save succeeds. */
  failure: UiError | null;
  /** A save met 412: saving waits for the member's choice. */
  stale: boolean;
}

export function initialDraft(version: ApiValues, etag: string): DraftState {
  return {
    saved: normalized(version),
    etag,
    form: formValuesOf(version),
    inFlight: null,
    rejected: {},
    fieldErrors: {},
    failure: null,
    stale: false,
  };
}

/** What the next save must send: fields changed since what the server will hold, minus refused ones. */
export function pendingPatch(state: DraftState): ApiValues {
  const base = state.inFlight ? { ...state.saved, ...state.inFlight.patch } : state.saved;
  const mine = apiValuesOf(state.form);
  const patch: ApiValues = {};
  for (const key of changedKeys(base, mine)) {
    const field = String(key);
    if (state.rejected[field] !== undefined && state.rejected[field] === state.form[field])
      continue;
    patch[field] = mine[field];
  }
  return patch;
}

export function hasPending(state: DraftState): boolean {
  return Object.keys(pendingPatch(state)).length > 0;
}

/** Changes not saved yet, refused ones included (what a commit would leave out). */
export function unsavedFields(state: DraftState): string[] {
  return changedKeys(state.saved, apiValuesOf(state.form)).map(String);
}

export function canSend(state: DraftState): boolean {
  return !state.inFlight && !state.stale && hasPending(state);
}

export function edit(state: DraftState, field: string, text: string): DraftState {
  if (state.form[field] === text) return state;
  return { ...state, form: { ...state.form, [field]: text } };
}

export function begin(state: DraftState): {
  state: DraftState;
  patch: ApiValues;
  ifMatch: string;
} {
  const patch = pendingPatch(state);
  const text: FormValues = {};
  for (const field of Object.keys(patch)) text[field] = state.form[field] ?? '';
  return { state: { ...state, inFlight: { patch, text } }, patch, ifMatch: state.etag };
}

function without<T>(record: Record<string, T>, keys: string[]): Record<string, T> {
  const rest = { ...record };
  for (const key of keys) delete rest[key];
  return rest;
}

/** The save went through: the server's version and its new ETag. */
export function succeeded(state: DraftState, version: ApiValues, etag: string): DraftState {
  const sent = Object.keys(state.inFlight?.patch ?? {});
  return {
    ...state,
    saved: normalized(version),
    etag: etag || state.etag,
    inFlight: null,
    fieldErrors: without(state.fieldErrors, sent),
    rejected: without(state.rejected, sent),
    failure: null,
  };
}

/**
 * The server refused the save (400: nothing written). Fields it names are marked and held back;
 * a refusal naming none of the sent fields is a failure to show.
 */
export function refused(state: DraftState, error: UiError): DraftState {
  const sent = state.inFlight?.text ?? {};
  const named = Object.keys(error.fieldErrors).filter((field) => field in sent);
  const rejected = { ...state.rejected };
  for (const field of named) rejected[field] = sent[field] ?? '';
  return {
    ...state,
    inFlight: null,
    rejected,
    fieldErrors: { ...state.fieldErrors, ...error.fieldErrors },
    failure: named.length === 0 ? error : null,
  };
}

export function failed(state: DraftState, error: UiError): DraftState {
  return { ...state, inFlight: null, failure: error };
}

export function staleHit(state: DraftState): DraftState {
  return { ...state, inFlight: null, stale: true };
}

/** The choice offered for a 412, from the server's current version. */
export function staleChoice(
  state: DraftState,
  theirs: ApiValues,
  etag: string,
): StaleChoice<ApiValues> {
  return resolveStale({
    base: state.saved,
    mine: apiValuesOf(state.form),
    theirs: { fields: normalized(theirs), etag },
  });
}

/** "Reload theirs": their version in the form; my unsaved changes are dropped. */
export function reloadTheirs(theirs: ApiValues, etag: string): DraftState {
  return initialDraft(theirs, etag);
}

/**
 * "Keep mine": their version with my changed fields on top; the next save sends only those, with
 * their ETag, so fields I did not touch keep their newer values.
 */
export function keepMine(state: DraftState, theirs: ApiValues, etag: string): DraftState {
  const mine = changedKeys(state.saved, apiValuesOf(state.form)).map(String);
  const form = formValuesOf(theirs);
  for (const field of mine) form[field] = state.form[field] ?? '';
  return {
    ...state,
    saved: normalized(theirs),
    etag,
    form,
    inFlight: null,
    stale: false,
    failure: null,
  };
}

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'failed' | 'stale';

export function saveStatus(state: DraftState): SaveStatus {
  if (state.stale) return 'stale';
  if (state.inFlight) return 'saving';
  if (state.failure) return 'failed';
  if (hasPending(state)) return 'unsaved';
  if (Object.keys(state.rejected).length > 0) return 'invalid';
  return 'saved';
}

export const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  invalid: 'Some fields need a change before they can be saved',
  failed: 'Not saved',
  stale: 'Changed elsewhere: choose which version to keep',
};
