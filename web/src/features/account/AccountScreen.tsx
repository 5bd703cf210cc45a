import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useApi } from '../../api/useApi';
import { useResource, type Resource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { usePageTitle } from '../../ui/usePageTitle';
import { loadBalance, loadSummary } from './api';
import { DeleteSection } from './DeleteSection';
import { ExportSection } from './ExportSection';
import { PlanSection } from './PlanSection';
import { TokensSection } from './TokensSection';
import { UsageHistory } from './UsageHistory';
import { UsageSection } from './UsageSection';
import './account.css';

function Section({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={`vf-card account-section${className ? ` ${className}` : ''}`}
      aria-labelledby={id}
    >
      <h2 className="vf-card__title" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A part that loads on its own: loading, its error with Retry, or its content. */
function Loaded<T>({
  resource,
  label,
  children,
}: {
  resource: Resource<T> & { reload: () => void };
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (resource.status === 'loading') return <Loading label={label} />;
  if (resource.status === 'error') {
    return <ErrorNotice error={resource.error} onRetry={resource.reload} />;
  }
  return <>{children(resource.data)}</>;
}

function AccountPage() {
  usePageTitle('Account');
  const api = useApi();
  const balance = useResource((signal) => loadBalance(api, signal), [api]);
  const summary = useResource((signal) => loadSummary(api, signal), [api]);

  return (
    <>
      <header className="vf-page-header">
        <p className="vf-eyebrow">Account</p>
        <h1>Your account</h1>
        <p className="vf-page-header__lead">
          Your AI tokens, your plan and purchases, what the tokens were used for, a copy of all your
          data, and deleting your account.
        </p>
      </header>
      <div className="account-layout">
        <Section id="account-tokens" title="AI tokens">
          <Loaded resource={balance} label="Loading your balance…">
            {(data) => <TokensSection balance={data} />}
          </Loaded>
        </Section>
        <Section id="account-plan" title="Plan and purchases">
          <PlanSection onTokensChanged={balance.reload} />
        </Section>
        <Section id="account-usage" title="Usage, last 30 days" className="account-section--wide">
          <Loaded resource={summary} label="Loading your usage…">
            {(data) => <UsageSection summary={data} />}
          </Loaded>
        </Section>
        <Section id="account-history" title="Usage history">
          <UsageHistory />
        </Section>
        <Section id="account-export" title="Your data">
          <ExportSection />
        </Section>
        <Section id="account-delete" title="Delete your account" className="account-danger">
          <DeleteSection />
        </Section>
      </div>
    </>
  );
}

/** The member's account: tokens and usage, data export, deletion. */
export default function AccountScreen() {
  return (
    <Routes>
      <Route index element={<AccountPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
