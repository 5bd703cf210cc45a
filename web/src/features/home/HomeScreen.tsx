import { useId, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/useApi';
import { useResource, type Resource } from '../../api/useResource';
import { useAuth } from '../../auth/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate, formatNumber } from '../../ui/format';
import { categoryLabel } from '../../ui/lifeCategories';
import { SkeletonCard } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { loadGreenLine, loadJournal, loadTokens, loadVision } from './api';
import { nextSteps, type HomeSnapshot } from './nextSteps';
import type { GreenLineSummary, JournalSummary, TokenSummary, VisionSummary } from './summary';

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

type Loaded<T> = Resource<T> & { reload: () => void };

/** A card that shows its own loading and error states. */
function Card<T>({
  title,
  resource,
  children,
}: {
  title: string;
  resource: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  const headingId = useId();
  if (resource.status === 'loading') return <SkeletonCard title={title} />;
  return (
    <section className="vf-card" aria-labelledby={headingId}>
      <h2 className="vf-card__title" id={headingId}>
        {title}
      </h2>
      {resource.status === 'error' ? (
        <ErrorNotice error={resource.error} onRetry={resource.reload} />
      ) : (
        children(resource.data)
      )}
    </section>
  );
}

function VisionCard({ vision }: { vision: VisionSummary }) {
  if (vision.kind === 'none') {
    return (
      <>
        <p>You haven't written a Life Vision yet.</p>
        <p className="vf-card__note">
          Twelve categories, one forward and one conclusion, in your own words.
        </p>
        <div className="vf-card__actions">
          <Link className="vf-button vf-button--small" to="/life-vision">
            Start your vision
          </Link>
        </div>
      </>
    );
  }
  const label = vision.kind === 'active' ? 'Active vision' : 'Draft';
  return (
    <>
      <p className="vf-card__figure">{vision.completion}%</p>
      <progress
        className="vf-progress"
        max={100}
        value={vision.completion}
        aria-label={`${label} ${vision.completion}% written`}
      />
      <p className="vf-card__note">
        {label}: <strong>{vision.title}</strong>
        {vision.kind === 'active' && vision.updatedAt
          ? ` · updated ${formatDate(vision.updatedAt)}`
          : ''}
      </p>
      <div className="vf-card__actions">
        <Link className="vf-button vf-button--quiet vf-button--small" to="/life-vision">
          {vision.kind === 'active' ? 'Open your vision' : 'Continue writing'}
        </Link>
      </div>
    </>
  );
}

function TokensCard({ tokens }: { tokens: TokenSummary }) {
  return (
    <>
      <p className="vf-card__figure">{formatNumber(tokens.remaining)}</p>
      <p>{tokens.remaining === 1 ? 'token left' : 'tokens left'} for VIVA and narration</p>
      {tokens.nextDripAt && tokens.monthlyDrip > 0 && (
        <p className="vf-card__note">
          {formatNumber(tokens.monthlyDrip)} more on {formatDate(tokens.nextDripAt)}
        </p>
      )}
      {tokens.low && <p className="vf-card__note">Running low.</p>}
    </>
  );
}

function JournalCard({ journal }: { journal: JournalSummary }) {
  return (
    <>
      <p className="vf-card__figure">
        {journal.currentStreak}
        <span className="vf-visually-hidden">-day streak</span>
      </p>
      <p aria-hidden="true">{journal.currentStreak === 1 ? 'day in a row' : 'days in a row'}</p>
      <p className="vf-card__note">
        {journal.wroteToday ? "Today's entry is written." : 'Nothing written today yet.'} Longest
        streak: {journal.longestStreak} {journal.longestStreak === 1 ? 'day' : 'days'} ·{' '}
        {formatNumber(journal.totalEntries)} {journal.totalEntries === 1 ? 'entry' : 'entries'}
      </p>
    </>
  );
}

function GreenLineCard({ greenLine }: { greenLine: GreenLineSummary }) {
  const { latest, inProgress } = greenLine;
  return (
    <>
      {latest ? (
        <>
          <p className="vf-card__figure">
            {latest.overall !== undefined ? `${latest.overall}%` : '—'}
          </p>
          <p>
            Above the Green Line in {latest.above.length} of 12 areas
            {latest.completedAt ? ` (${formatDate(latest.completedAt)})` : ''}.
          </p>
          {latest.below.length > 0 && (
            <>
              <p className="vf-card__note">Below the line:</p>
              <ul className="vf-tag-list">
                {latest.below.map((key) => (
                  <li key={key} className="vf-tag">
                    {categoryLabel(key)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        !inProgress && <p>Not taken yet. It takes about 15 minutes.</p>
      )}
      {inProgress && (
        <>
          <p className="vf-card__note">
            In progress: {inProgress.answered} of {inProgress.total} questions answered
          </p>
          <progress
            className="vf-progress"
            max={inProgress.total}
            value={inProgress.answered}
            aria-label="Assessment progress"
          />
        </>
      )}
    </>
  );
}

function dataOf<T>(resource: Resource<T>): T | undefined {
  return resource.status === 'ok' ? resource.data : undefined;
}

export default function HomeScreen() {
  usePageTitle('Home');
  const api = useApi();
  const { member } = useAuth();
  const vision = useResource((signal) => loadVision(api, signal), [api]);
  const tokens = useResource((signal) => loadTokens(api, signal), [api]);
  const journal = useResource((signal) => loadJournal(api, signal), [api]);
  const greenLine = useResource((signal) => loadGreenLine(api, signal), [api]);

  const now = new Date();
  const allSettled = [vision.status, tokens.status, journal.status, greenLine.status].every(
    (status) => status !== 'loading',
  );
  const snapshot: HomeSnapshot = {
    vision: dataOf(vision),
    tokens: dataOf(tokens),
    journal: dataOf(journal),
    greenLine: dataOf(greenLine),
  };
  const steps = allSettled ? nextSteps(snapshot, now) : [];
  const firstName = member?.name.split(/\s+/)[0];

  return (
    <>
      <header className="vf-page-header">
        <p className="vf-eyebrow">Home</p>
        <h1>
          {greeting(now)}
          {firstName ? `, ${firstName}` : ''}
        </h1>
        <p className="vf-page-header__lead">
          Here is where you stand today, and a next step or two.
        </p>
      </header>

      <div className="vf-grid">
        <Card title="Life Vision" resource={vision}>
          {(data) => <VisionCard vision={data} />}
        </Card>
        <Card title="Journal streak" resource={journal}>
          {(data) => <JournalCard journal={data} />}
        </Card>
        <Card title="Green Line" resource={greenLine}>
          {(data) => <GreenLineCard greenLine={data} />}
        </Card>
        <Card title="AI tokens" resource={tokens}>
          {(data) => <TokensCard tokens={data} />}
        </Card>
      </div>

      <section className="vf-section" aria-labelledby="next-steps">
        <h2 id="next-steps">What to do next</h2>
        {allSettled ? (
          <ol className="vf-steps">
            {steps.map((step) => (
              <li key={step.id} className="vf-step">
                <div className="vf-step__text">
                  <p className="vf-step__title">{step.title}</p>
                  <p className="vf-step__why">{step.why}</p>
                </div>
                <Link className="vf-button vf-button--small" to={step.to}>
                  {step.action}
                </Link>
              </li>
            ))}
          </ol>
        ) : (
          <p className="vf-card__note">Looking at where you are…</p>
        )}
      </section>
    </>
  );
}
