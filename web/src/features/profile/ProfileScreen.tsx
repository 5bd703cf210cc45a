import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../ui/NotFound';
import { DraftEditor } from './DraftEditor';
import { ProfileHome } from './ProfileHome';
import { VersionPage } from './VersionPage';
import './profile.css';

/**
 * The member's profile, kept as versions: the overview (active profile, completion, history), the
 * draft editor (autosaved, then committed), and one version with its changes (roll back, delete).
 */
export default function ProfileScreen() {
  return (
    <Routes>
      <Route index element={<ProfileHome />} />
      <Route path="edit/:id" element={<DraftEditor />} />
      <Route path="versions/:id" element={<VersionPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
