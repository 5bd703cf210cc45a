import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../ui/NotFound';
import { BoardPage } from './BoardPage';
import { ItemEditorPage } from './ItemEditorPage';
import './vision-board.css';

/**
 * The vision board: the items as a grid of cards with filters and counts (/vision-board), a new
 * item (/vision-board/new) and the editing of one (/vision-board/:id).
 */
export default function VisionBoardScreen() {
  return (
    <Routes>
      <Route index element={<BoardPage />} />
      <Route path="new" element={<ItemEditorPage />} />
      <Route path=":id" element={<ItemEditorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
