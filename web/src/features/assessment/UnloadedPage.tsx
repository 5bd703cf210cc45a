import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Resource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';

/**
 * An assessment page whose data is not there yet: its header, then loading, or the failure with
 * Retry and the way back to the overview.
 */
export function UnloadedPage({
  header,
  loaded,
  loadingLabel,
}: {
  header: ReactNode;
  loaded: Exclude<Resource<unknown>, { status: 'ok' }> & { reload: () => void };
  loadingLabel: string;
}) {
  return (
    <>
      {header}
      {loaded.status === 'loading' ? (
        <Loading label={loadingLabel} />
      ) : (
        <>
          <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
          <p className="gl-gap-top">
            <Link to="/assessment">Back to your assessments</Link>
          </p>
        </>
      )}
    </>
  );
}
