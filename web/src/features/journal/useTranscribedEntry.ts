import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { useRefreshWhile } from '../../api/useRefreshWhile';
import { anyPending } from '../../ui/transcript';
import { loadEntry } from './api';
import type { JournalEntry } from './entry';

/**
 * The entry to show in the list: the list's copy, or, while one of its recordings is being
 * transcribed, the entry as it is now, asked for every few seconds until none is (the server
 * copies each transcript into the entry a few seconds after the upload). A newer list copy wins.
 */
export function useTranscribedEntry(entry: JournalEntry): JournalEntry {
  const api = useApi();
  const [fresh, setFresh] = useState<{ of: JournalEntry; entry: JournalEntry } | null>(null);
  const shown = fresh?.of === entry ? fresh.entry : entry;
  const id = entry.id;
  useRefreshWhile(!!id && anyPending(shown.audio_recordings), async (signal) => {
    if (!id) return;
    const of = entry;
    const tagged = await loadEntry(api, id, signal);
    if (!signal.aborted) setFresh({ of, entry: tagged.entry });
  });
  return shown;
}
