import { ComingNext } from '../../ui/ComingNext';

/** Placeholder: the Assessment screen is built next, in this folder. */
export default function AssessmentScreen() {
  return (
    <ComingNext
      title="Assessment"
      lead="The Green Line self-assessment: answer 84 questions, see each area above or below the line, and compare over time."
    />
  );
}
