/**
 * Autosave of the profile draft: DEBOUNCE_MS after the member stops typing (or when a field loses
 * focus), PATCH only the changed fields with If-Match, one save at a time. A 400 marks its fields
 * and saves the rest; a 412 offers "reload theirs / keep mine". The decisions are draft.ts's.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaleChoice } from '../../api/conflict';
import type { Api } from '../../api/client';
import { toUiError, type UiError } from '../../api/problem';
import { loadVersion, patchVersion, type TaggedVersion } from './api';
import * as draft from './draft';
import type { ApiValues } from './fields';
import type { ProfileVersion } from './versions';

export const DEBOUNCE_MS = 800;

export interface Conflict {
  theirs: ProfileVersion;
  etag: string;
  choice: StaleChoice<ApiValues>;
}

export function useDraft(api: Api, initial: TaggedVersion) {
  const id = initial.version.id ?? '';
  const [state, setState] = useState(() =>
    draft.initialDraft(initial.version as ApiValues, initial.etag),
  );
  const [version, setVersion] = useState<ProfileVersion>(initial.version);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [conflictError, setConflictError] = useState<UiError | null>(null);
  const stateRef = useRef(state);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flight = useRef<Promise<void> | null>(null);

  const apply = useCallback((next: draft.DraftState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  /** After a 412: their version, and the choice it leaves. */
  const fetchTheirs = useCallback(async () => {
    setConflictError(null);
    try {
      const theirs = await loadVersion(api, id);
      setConflict({
        theirs: theirs.version,
        etag: theirs.etag,
        choice: draft.staleChoice(stateRef.current, theirs.version as ApiValues, theirs.etag),
      });
    } catch (error) {
      setConflictError(toUiError(error));
    }
  }, [api, id]);

  /** Sends until nothing is left to send; stops at a failure or a 412. */
  const run = useCallback(async () => {
    while (draft.canSend(stateRef.current)) {
      const { state: sending, patch, ifMatch } = draft.begin(stateRef.current);
      apply(sending);
      try {
        const saved = await patchVersion(api, id, patch, ifMatch);
        apply(draft.succeeded(stateRef.current, saved.version as ApiValues, saved.etag));
        setVersion(saved.version);
      } catch (error) {
        const ui = toUiError(error);
        if (ui.kind === 'stale') {
          apply(draft.staleHit(stateRef.current));
          await fetchTheirs();
          return;
        }
        if (ui.kind === 'validation') {
          const next = draft.refused(stateRef.current, ui);
          apply(next);
          if (next.failure) return;
          continue; // the fields it did not name are sent again at once
        }
        apply(draft.failed(stateRef.current, ui));
        return;
      }
    }
  }, [api, id, apply, fetchTheirs]);

  /** Saves now (or joins the save under way); resolves when nothing more can be sent. */
  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    if (!flight.current) {
      flight.current = run().finally(() => {
        flight.current = null;
      });
    }
    return flight.current;
  }, [run]);

  const change = useCallback(
    (field: string, text: string) => {
      apply(draft.edit(stateRef.current, field, text));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [apply, flush],
  );

  /**
   * Saves fields outside the form (a media reference) once the form's own changes are saved:
   * the same ETag chain, so a stale version is caught the same way.
   */
  const saveFields = useCallback(
    async (fields: ApiValues): Promise<boolean> => {
      await flush();
      const current = stateRef.current;
      if (current.stale) return false;
      try {
        const saved = await patchVersion(api, id, fields, current.etag);
        apply(draft.succeeded(stateRef.current, saved.version as ApiValues, saved.etag));
        setVersion(saved.version);
        return true;
      } catch (error) {
        const ui = toUiError(error);
        if (ui.kind === 'stale') {
          apply(draft.staleHit(stateRef.current));
          await fetchTheirs();
          return false;
        }
        throw error;
      }
    },
    [api, id, apply, flush, fetchTheirs],
  );

  /** A commit met 412: the same choice as a stale save. */
  const staleOnCommit = useCallback(async () => {
    apply(draft.staleHit(stateRef.current));
    await fetchTheirs();
  }, [apply, fetchTheirs]);

  const resolve = useCallback(
    (keep: 'theirs' | 'mine') => {
      if (!conflict) return;
      const theirs = conflict.theirs as ApiValues;
      apply(
        keep === 'theirs'
          ? draft.reloadTheirs(theirs, conflict.etag)
          : draft.keepMine(stateRef.current, theirs, conflict.etag),
      );
      setVersion(conflict.theirs);
      setConflict(null);
      if (keep === 'mine') void flush();
    },
    [conflict, apply, flush],
  );

  // Leaving the editor: whatever is typed and not sent yet goes now.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (draft.canSend(stateRef.current)) void run();
    },
    [run],
  );

  return {
    id,
    state,
    version,
    status: draft.saveStatus(state),
    current: () => stateRef.current,
    change,
    flush,
    saveFields,
    staleOnCommit,
    conflict,
    conflictError,
    retryConflict: fetchTheirs,
    resolve,
  };
}
