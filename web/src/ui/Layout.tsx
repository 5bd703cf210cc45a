import { Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/context';
import { ErrorBoundary } from './ErrorBoundary';
import { PageLoading } from './Loading';
import { Logo } from './Logo';

export interface NavItem {
  to: string;
  label: string;
}

/**
 * The signed-in shell: a skip link, the header with the main navigation (a menu button at
 * phone width), and the current screen. Focus moves to the content after each navigation so
 * that keyboard and screen reader users start at the new screen.
 */
export function Layout({ nav }: { nav: NavItem[] }) {
  const { member, signOut } = useAuth();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(location.pathname);
  const menuButton = useRef<HTMLButtonElement>(null);
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  // Close the menu when the route changes (state adjusted during render, not in an effect).
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname);
    setMenuOpen(false);
  }

  useEffect(() => {
    if (firstPath.current === location.pathname) return;
    firstPath.current = '';
    main.current?.focus();
  }, [location.pathname]);

  const onNavKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && menuOpen) {
      setMenuOpen(false);
      menuButton.current?.focus();
    }
  };

  const signOutButton = (
    <button
      type="button"
      className="vf-button vf-button--quiet vf-button--small"
      onClick={() => void signOut()}
    >
      Sign out
    </button>
  );

  return (
    <>
      <a className="vf-skip-link" href="#main">
        Skip to main content
      </a>
      <header className="vf-header">
        <div className="vf-header__bar">
          <Link to="/" className="vf-brand">
            <Logo className="vf-brand__mark" />
            VibrationFit
          </Link>
          <button
            ref={menuButton}
            type="button"
            className="vf-button vf-button--quiet vf-button--small vf-menu-button"
            aria-expanded={menuOpen}
            aria-controls="vf-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? 'Close menu' : 'Menu'}
          </button>
          <nav
            id="vf-nav"
            className={`vf-nav${menuOpen ? ' vf-nav--open' : ''}`}
            aria-label="Main"
            onKeyDown={onNavKeyDown}
          >
            <ul className="vf-nav__list">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'} className="vf-nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="vf-nav__user">
              {member && <span className="vf-header__name">Signed in as {member.name}</span>}
              {signOutButton}
            </div>
          </nav>
          <div className="vf-header__user">
            {member && <span className="vf-header__name">{member.name}</span>}
            {signOutButton}
          </div>
        </div>
      </header>
      <main id="main" ref={main} className="vf-main" tabIndex={-1}>
        <ErrorBoundary key={location.pathname} what="this screen">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="vf-footer">
        <p>VibrationFit · Your vision, one day at a time.</p>
      </footer>
    </>
  );
}
