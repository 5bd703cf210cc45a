import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../ui/NotFound';
import { EntryEditorPage } from './EntryEditorPage';
import { ListPage } from './ListPage';
import './journal.css';

/**
 * The journal: the streak and the entries with search and filters (/journal), a new entry
 * (/journal/new) and one entry to read and edit (/journal/:id), with photos and voice recordings.
 */
export default function JournalScreen() {
  return (
    <Routes>
      <Route index element={<ListPage />} />
      <Route path="new" element={<EntryEditorPage />} />
      <Route path=":id" element={<EntryEditorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
