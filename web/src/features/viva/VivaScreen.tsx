import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../ui/NotFound';
import { ThreadPage } from './ThreadPage';
import { ThreadsPage } from './ThreadsPage';
import './viva.css';

/** VIVA, the vision coach: the member's conversations (/viva) and one conversation (/viva/:id). */
export default function VivaScreen() {
  return (
    <Routes>
      <Route index element={<ThreadsPage />} />
      <Route path=":threadId" element={<ThreadPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
