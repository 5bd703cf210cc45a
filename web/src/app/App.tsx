import { BrowserRouter } from 'react-router-dom';
import { ApiProvider } from '../api/ApiProvider';
import { useAuth } from '../auth/context';
import { AppRoutes } from '../routes';
import { PageLoading } from '../ui/Loading';
import { Landing } from './Landing';

/** Signed in: the app; signed out: the landing page; in between: a calm loading line. */
export function App() {
  const { status } = useAuth();
  if (status === 'loading') return <PageLoading label="Opening VibrationFit…" />;
  if (status === 'signed-out') return <Landing />;
  return (
    <ApiProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </ApiProvider>
  );
}
