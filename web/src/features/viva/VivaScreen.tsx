import { ComingNext } from '../../ui/ComingNext';

/** Placeholder: the VIVA screen is built next, in this folder. */
export default function VivaScreen() {
  return (
    <ComingNext
      title="VIVA"
      lead="Talk with VIVA, your vision coach, about your vision and your next steps."
    />
  );
}
