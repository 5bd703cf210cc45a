import { Link } from 'react-router-dom';
import { usePageTitle } from './usePageTitle';

/** The placeholder of a screen that is not built yet. */
export function ComingNext({ title, lead }: { title: string; lead: string }) {
  usePageTitle(title);
  return (
    <>
      <header className="vf-page-header">
        <p className="vf-eyebrow">Coming next</p>
        <h1>{title}</h1>
        <p className="vf-page-header__lead">{lead}</p>
      </header>
      <div className="vf-notice vf-notice--info">
        <div className="vf-notice__body">
          <p className="vf-notice__text">
            This screen comes next. Meanwhile, <Link to="/">your home page</Link> shows where you
            stand.
          </p>
        </div>
      </div>
    </>
  );
}
