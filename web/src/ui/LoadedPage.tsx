import { Fragment, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Api } from '../api/client';
import { useApi } from '../api/useApi';
import { useResource, type Resource } from '../api/useResource';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';
import { usePageTitle } from './usePageTitle';

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

/**
 * A section's `new` and `:id` pages: the thing to edit loaded (nothing for a new one), then its
 * form, started afresh (keyed by id) when the address moves to another one.
 */
export function NewOrEditPage<T>({
  section,
  titles,
  tabTitles,
  loadingLabel,
  load,
  children,
}: {
  section: { to: string; name: string };
  /** The page heading for a new one and for an existing one. */
  titles: { create: string; edit: string };
  /** The browser tab's title for each. */
  tabTitles: { create: string; edit: string };
  loadingLabel: string;
  load: (api: Api, id: string, signal: AbortSignal) => Promise<T>;
  children: (id: string | undefined, loaded: T | null) => ReactNode;
}) {
  const { id } = useParams();
  const api = useApi();
  const loaded = useResource(
    (signal) => (id ? load(api, id, signal) : Promise.resolve(null)),
    // load is a module function: the page follows the id.
    [api, id],
  );
  usePageTitle(id ? tabTitles.edit : tabTitles.create);
  return (
    <LoadedPage
      section={section}
      title={id ? titles.edit : titles.create}
      resource={loaded}
      loadingLabel={loadingLabel}
    >
      {(data) => <Fragment key={id ?? 'new'}>{children(id, data)}</Fragment>}
    </LoadedPage>
  );
}
