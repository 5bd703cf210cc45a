import { Link } from 'react-router-dom';
import { usePageTitle } from './usePageTitle';

export function NotFound() {
  usePageTitle('Page not found');
  return (
    <>
      <header className="vf-page-header">
        <h1>Page not found</h1>
        <p className="vf-page-header__lead">There is nothing at this address.</p>
      </header>
      <Link className="vf-button" to="/">
        Go to your home page
      </Link>
    </>
  );
}
