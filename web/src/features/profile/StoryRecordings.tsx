import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useFreshMediaLinks } from '../../api/useFreshMediaLinks';
import { useRefreshWhile } from '../../api/useRefreshWhile';
import { formatDate } from '../../ui/format';
import { categoryLabel } from '../../ui/lifeCategories';
import { RecordingTranscript } from '../../ui/RecordingTranscript';
import { anyPending } from '../../ui/transcript';
import { loadVersion } from './api';
import type { ProfileVersion } from './versions';

type Recording = Schemas['RecordingView'];

/**
 * A version's story recordings: play each, read its transcript. While one is being transcribed,
 * the version is asked for again every few seconds until none is (the server copies each
 * transcript in a few seconds after the upload); its links are kept fresh. Nothing when it has none.
 */
export function StoryRecordings({ version }: { version: ProfileVersion }) {
  const api = useApi();
  const [fresh, setFresh] = useState<{ of: ProfileVersion; recordings: Recording[] } | null>(null);
  const recordings = fresh?.of === version ? fresh.recordings : (version.story_recordings ?? []);
  const id = version.id;

  const take = async (signal?: AbortSignal) => {
    if (!id) return;
    const of = version;
    const tagged = await loadVersion(api, id, signal);
    if (!signal?.aborted) setFresh({ of, recordings: tagged.version.story_recordings ?? [] });
  };
  useRefreshWhile(!!id && anyPending(recordings), take);
  useFreshMediaLinks(
    recordings.length > 0 ? recordings : null,
    () => void take().catch(() => undefined),
  );

  if (recordings.length === 0) return null;
  return (
    <section className="vf-section" aria-labelledby="pf-recordings">
      <h2 id="pf-recordings">Story recordings</h2>
      <ol className="pf-recordings vf-list">
        {recordings.map((recording, index) => {
          const name = `Recording ${index + 1}`;
          const details = [
            recording.category ? categoryLabel(recording.category) : '',
            formatDate(recording.created_at),
          ].filter(Boolean);
          return (
            <li key={`${index}-${recording.url ?? ''}`} className="pf-recording">
              <p className="pf-recording__name">{[name, ...details].join(' · ')}</p>
              {!recording.link ? (
                <p className="vf-hint">This recording can't be played here.</p>
              ) : recording.type === 'video' ? (
                <video
                  className="pf-recording__video"
                  controls
                  preload="metadata"
                  src={recording.link}
                  aria-label={name}
                />
              ) : (
                <audio
                  className="pf-recording__audio"
                  controls
                  preload="metadata"
                  src={recording.link}
                  aria-label={name}
                />
              )}
              <RecordingTranscript recording={recording} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
