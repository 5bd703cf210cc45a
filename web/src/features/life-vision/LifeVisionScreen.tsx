import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../ui/NotFound';
import { EditorPage } from './EditorPage';
import { VersionsPage } from './VersionsPage';
import './life-vision.css';

/**
 * Life Vision: the list of versions (/life-vision) and the editor of one version
 * (/life-vision/:id) with autosave, completion and narration.
 */
export default function LifeVisionScreen() {
  return (
    <Routes>
      <Route index element={<VersionsPage />} />
      <Route path=":id" element={<EditorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
