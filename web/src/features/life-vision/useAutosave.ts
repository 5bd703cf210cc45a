/**
 * Autosave for the vision editor: after the member stops typing (DEBOUNCE_MS), PATCH only the
 * changed fields with If-Match; one save at a time; a 412 offers "reload theirs / keep mine".
 * The decisions are the pure functions of autosave.ts; this hook owns timers and requests.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/client';
import { toUiError, type UiError } from '../../api/problem';
import { loadVision, saveVision, type TaggedVision } from './api';
import * as queue from './autosave';
import { fieldsOf, type EditableField, type VisionFields } from './sections';
import type { Vision } from './versions';

export const DEBOUNCE_MS = 800;

export interface Conflict {
  theirs: VisionFields;
  etag: string;
  vision: Vision;
}

export function useAutosave(api: Api, initial: TaggedVision) {
  const visionId = initial.vision.id ?? '';
  const [state, setState] = useState(() =>
    queue.initialState(fieldsOf(initial.vision), initial.etag),
  );
  const [vision, setVision] = useState<Vision>(initial.vision);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [conflictError, setConflictError] = useState<UiError | null>(null);

  const stateRef = useRef(state);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flight = useRef<Promise<void> | null>(null);
  const paused = useRef(false);
  const listeners = useRef(new Set<(vision: Vision) => void>());

  const commit = useCallback((next: queue.AutosaveState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const announce = useCallback((next: Vision) => {
    setVision(next);
    for (const listener of listeners.current) listener(next);
  }, []);

  const fetchTheirs = useCallback(async () => {
    setConflictError(null);
    try {
      const theirs = await loadVision(api, visionId);
      setConflict({ theirs: fieldsOf(theirs.vision), etag: theirs.etag, vision: theirs.vision });
    } catch (error) {
      setConflictError(toUiError(error));
    }
  }, [api, visionId]);

  /**
   * Sends the pending changes, one save at a time, until nothing is left to send (edits typed during
   * a flight go in the next one). Stops at a failure, and while the member is still typing (the
   * debounce timer will call again). Resolves when it stops.
   */
  const pump = useCallback((): Promise<void> => {
    if (flight.current) return flight.current;
    const run = async () => {
      while (!paused.current && queue.canSend(stateRef.current)) {
        const started = queue.begin(stateRef.current);
        commit(started.state);
        try {
          const saved = await saveVision(api, visionId, started.patch, started.ifMatch);
          commit(queue.succeeded(stateRef.current, fieldsOf(saved.vision), saved.etag));
          announce(saved.vision);
        } catch (error) {
          const ui = toUiError(error);
          commit(queue.failed(stateRef.current, ui));
          if (ui.kind === 'stale') void fetchTheirs();
          return;
        }
        if (timer.current !== undefined) return;
      }
    };
    const current = run().finally(() => {
      flight.current = null;
    });
    flight.current = current;
    return current;
  }, [api, visionId, commit, announce, fetchTheirs]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void pump();
    }, DEBOUNCE_MS);
  }, [pump]);

  const setField = useCallback(
    (field: EditableField, value: string) => {
      commit(queue.edit(stateRef.current, field, value));
      schedule();
    },
    [commit, schedule],
  );

  /** Saves everything now; true when nothing is left unsaved. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    for (let i = 0; i < 5; i++) {
      if (flight.current) await flight.current;
      if (!queue.canSend(stateRef.current)) break;
      await pump();
    }
    const now = stateRef.current;
    return !now.inFlight && !now.stale && !now.failure && !queue.hasPending(now);
  }, [pump]);

  /**
   * Runs an action that changes the vision on the server (complete): saves first, holds autosave
   * while it runs, and takes the answer's fields and ETag as the new base.
   */
  const exclusive = useCallback(
    async (action: () => Promise<TaggedVision>): Promise<TaggedVision> => {
      paused.current = true;
      try {
        const result = await action();
        commit(queue.succeeded(stateRef.current, fieldsOf(result.vision), result.etag));
        announce(result.vision);
        return result;
      } finally {
        paused.current = false;
        if (queue.canSend(stateRef.current)) schedule();
      }
    },
    [commit, announce, schedule],
  );

  const reloadTheirs = useCallback(() => {
    if (!conflict) return;
    commit(queue.reloadTheirs(stateRef.current, conflict.theirs, conflict.etag));
    announce(conflict.vision);
    setConflict(null);
  }, [conflict, commit, announce]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    commit(queue.keepMine(stateRef.current, conflict.theirs, conflict.etag));
    announce(conflict.vision);
    setConflict(null);
    void pump();
  }, [conflict, commit, announce, pump]);

  const retry = useCallback(() => {
    void pump();
  }, [pump]);

  /** Stops saving (the version is about to be deleted); resume(true) starts again. */
  const hold = useCallback(
    (on: boolean) => {
      paused.current = on;
      clearTimeout(timer.current);
      timer.current = undefined;
      if (!on && queue.canSend(stateRef.current)) schedule();
    },
    [schedule],
  );

  const onSaved = useCallback((listener: (vision: Vision) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  // Leaving the editor: send what is still unsaved (the request outlives the screen).
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      timer.current = undefined;
      void pump();
    },
    [pump],
  );

  // Closing the tab with unsaved text: ask the browser to warn.
  const unsaved = state.inFlight !== null || queue.hasPending(state);
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return {
    state,
    vision,
    status: queue.saveStatus(state),
    fieldErrors: queue.fieldErrors(state),
    conflict,
    conflictChoice: conflict ? queue.staleChoice(state, conflict.theirs, conflict.etag) : null,
    conflictError,
    retryConflict: fetchTheirs,
    setField,
    flush,
    exclusive,
    reloadTheirs,
    keepMine,
    retry,
    hold,
    onSaved,
  };
}
