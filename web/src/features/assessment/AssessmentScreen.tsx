import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../ui/NotFound';
import { ComparePage } from './ComparePage';
import { Overview } from './Overview';
import { Results } from './Results';
import { TakeAssessment } from './TakeAssessment';
import './assessment.css';

/**
 * The Green Line assessment: the overview (continue or start, history, compare), taking it one
 * category at a time, the results of one, and the comparison of two.
 */
export default function AssessmentScreen() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="compare" element={<ComparePage />} />
      <Route path=":id/take" element={<TakeAssessment />} />
      <Route path=":id" element={<Results />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
