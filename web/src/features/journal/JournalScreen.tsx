import { ComingNext } from '../../ui/ComingNext';

/** Placeholder: the Journal screen is built next, in this folder. */
export default function JournalScreen() {
  return (
    <ComingNext
      title="Journal"
      lead="Write about your days, tag the life categories they touch, add pictures and recordings, and keep your streak."
    />
  );
}
