import { ComingNext } from '../../ui/ComingNext';

/** Placeholder: the Vision board screen is built next, in this folder. */
export default function VisionBoardScreen() {
  return (
    <ComingNext
      title="Vision board"
      lead="Pin the goals you are creating, with pictures, and mark them actualized when they come true."
    />
  );
}
