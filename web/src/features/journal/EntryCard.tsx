import { Link } from 'react-router-dom';
import { LifeAreaTags } from '../../ui/LifeAreas';
import { RecordingTranscript } from '../../ui/RecordingTranscript';
import { entryHeading, excerpt, photosOf, type JournalEntry } from './entry';
import { formatDay } from './filters';
import { clockText } from './recorder';
import { useTranscribedEntry } from './useTranscribedEntry';

/**
 * One entry in the list: its day, title, the start of its text, life areas, photos, recordings
 * with their transcripts (while one is being transcribed, the card asks for the entry again).
 */
export function EntryCard({
  entry: listed,
  onDelete,
}: {
  entry: JournalEntry;
  onDelete: () => void;
}) {
  const entry = useTranscribedEntry(listed);
  const day = formatDay(entry.date);
  const heading = entryHeading(entry, day);
  const headingId = `jn-entry-${entry.id}`;
  const photos = photosOf(entry).filter((photo) => photo.link);
  const recordings = entry.audio_recordings ?? [];
  const text = excerpt(entry.content);
  return (
    <article className="jn-entry vf-card" aria-labelledby={headingId}>
      <p className="jn-entry__date">
        <time dateTime={entry.date}>{day}</time>
      </p>
      <h3 className="jn-entry__title" id={headingId}>
        {heading}
      </h3>
      {text && <p className="jn-entry__text">{text}</p>}
      <LifeAreaTags categories={entry.categories} />
      {photos.length > 0 && (
        <ul className="jn-thumbs" aria-label="Photos">
          {photos.map((photo, index) => (
            <li key={photo.url}>
              <img
                className="jn-thumb"
                src={photo.link ?? ''}
                alt={`Photo ${index + 1} of “${heading}”`}
              />
            </li>
          ))}
        </ul>
      )}
      {recordings.length > 0 && (
        <ul className="jn-entry__recordings vf-list" aria-label="Voice recordings">
          {recordings.map((recording, index) =>
            recording.link ? (
              <li key={`${index}-${recording.url ?? ''}`} className="jn-entry__recording">
                <span className="jn-entry__recording-name">
                  Recording {index + 1}
                  {recording.duration ? ` · ${clockText(recording.duration)}` : ''}
                </span>
                <audio
                  className="jn-audio"
                  controls
                  preload="metadata"
                  src={recording.link}
                  aria-label={`Recording ${index + 1} of “${heading}”`}
                />
                <RecordingTranscript recording={recording} />
              </li>
            ) : null,
          )}
        </ul>
      )}
      <div className="jn-entry__actions">
        <Link className="vf-button vf-button--quiet vf-button--small" to={entry.id ?? ''}>
          Open<span className="vf-visually-hidden"> “{heading}”</span>
        </Link>
        <button
          type="button"
          className="vf-button vf-button--quiet vf-button--small vf-button--delete"
          onClick={onDelete}
        >
          Delete<span className="vf-visually-hidden"> “{heading}”</span>
        </button>
      </div>
    </article>
  );
}
