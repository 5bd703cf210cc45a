import type { ReactNode } from 'react';

/**
 * A section page's heading: the section's name above the title, and a line on what the page is
 * for. With `action` (e.g. the link that adds one), the action stands beside them.
 */
export function PageHeader({
  eyebrow,
  title,
  lead,
  action,
}: {
  eyebrow: ReactNode;
  title: ReactNode;
  lead: ReactNode;
  action?: ReactNode;
}) {
  const heading = (
    <>
      <p className="vf-eyebrow">{eyebrow}</p>
      <h1>{title}</h1>
      <p className="vf-page-header__lead">{lead}</p>
    </>
  );
  if (!action) return <header className="vf-page-header">{heading}</header>;
  return (
    <header className="vf-page-header vf-page-header--split">
      <div>{heading}</div>
      {action}
    </header>
  );
}
