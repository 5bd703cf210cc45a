import { ComingNext } from '../../ui/ComingNext';

/** Placeholder: the Profile screen is built next, in this folder. */
export default function ProfileScreen() {
  return (
    <ComingNext
      title="Profile"
      lead="Tell VibrationFit about yourself, so your assessment and VIVA fit your life."
    />
  );
}
