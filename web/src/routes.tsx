/**
 * Every route of the signed-in app, in one place. Each screen is its own lazily loaded chunk
 * (React.lazy), so the first load carries only the shell. A feature may add its own sub-routes
 * under its path (the routes end in /*): `<Routes><Route path=":id" element={...} /></Routes>`.
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Layout, type NavItem } from './ui/Layout';
import { NotFound } from './ui/NotFound';

const HomeScreen = lazy(() => import('./features/home/HomeScreen'));
const LifeVisionScreen = lazy(() => import('./features/life-vision/LifeVisionScreen'));
const VisionBoardScreen = lazy(() => import('./features/vision-board/VisionBoardScreen'));
const JournalScreen = lazy(() => import('./features/journal/JournalScreen'));
const AssessmentScreen = lazy(() => import('./features/assessment/AssessmentScreen'));
const VivaScreen = lazy(() => import('./features/viva/VivaScreen'));
const ProfileScreen = lazy(() => import('./features/profile/ProfileScreen'));
const AccountScreen = lazy(() => import('./features/account/AccountScreen'));

export const NAV: NavItem[] = [
  { to: '/', label: 'Home' },
  { to: '/life-vision', label: 'Life Vision' },
  { to: '/vision-board', label: 'Vision board' },
  { to: '/journal', label: 'Journal' },
  { to: '/assessment', label: 'Assessment' },
  { to: '/viva', label: 'VIVA' },
  { to: '/profile', label: 'Profile' },
  { to: '/account', label: 'Account' },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout nav={NAV} />}>
        <Route index element={<HomeScreen />} />
        <Route path="life-vision/*" element={<LifeVisionScreen />} />
        <Route path="vision-board/*" element={<VisionBoardScreen />} />
        <Route path="journal/*" element={<JournalScreen />} />
        <Route path="assessment/*" element={<AssessmentScreen />} />
        <Route path="viva/*" element={<VivaScreen />} />
        <Route path="profile/*" element={<ProfileScreen />} />
        <Route path="account/*" element={<AccountScreen />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
