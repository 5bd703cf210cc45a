import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Resource } from '../api/useResource';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

/**
 * A page inside a section (an editor): the section's name as a link back above the heading, then
 * what the page loaded (src/api/useResource.ts): loading, the failure with Retry, or `children`.
 */
export function LoadedPage<T>({
  section,
  title,
  resource,
  loadingLabel,
  children,
}: {
  section: { to: string; name: string };
  title: string;
  resource: Resource<T> & { reload: () => void };
  loadingLabel: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      <header className="vf-page-header">
        <p className="vf-eyebrow">
          <Link to={section.to}>{section.name}</Link>
        </p>
        <h1>{title}</h1>
      </header>
      {resource.status === 'loading' && <Loading label={loadingLabel} />}
      {resource.status === 'error' && (
        <ErrorNotice error={resource.error} onRetry={resource.reload} />
      )}
      {resource.status === 'ok' && children(resource.data)}
    </>
  );
}
