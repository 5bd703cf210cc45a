import { ComingNext } from '../../ui/ComingNext';

/** Placeholder: the Life Vision screen is built next, in this folder. */
export default function LifeVisionScreen() {
  return (
    <ComingNext
      title="Life Vision"
      lead="Write and refine your vision: the 12 life categories, a forward and a conclusion, with versions you can compare and complete."
    />
  );
}
