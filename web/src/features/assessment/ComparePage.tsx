import { Link, useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageHeader } from '../../ui/PageHeader';
import { loadAssessments, loadComparison, type Assessment, type Comparison } from './api';
import { CATEGORY_MAX, STATUS_LABELS } from './chart';
import { comparisonRows, comparisonSummary } from './compare';
import { CompareForm } from './CompareForm';
import { historyLabel } from './history';

interface Loaded {
  completed: Assessment[];
  comparison: Comparison | null;
}

export function ComparePage() {
  usePageTitle('Compare assessments');
  const api = useApi();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const loaded = useResource<Loaded>(
    async (signal) => {
      const [completed, comparison] = await Promise.all([
        loadAssessments(api, { status: 'completed', limit: 50 }, signal),
        from && to ? loadComparison(api, from, to, signal) : Promise.resolve(null),
      ]);
      return { completed: completed.items, comparison };
    },
    [api, from, to],
  );

  return (
    <>
      <PageHeader
        eyebrow="Green Line"
        title="How your Green Line moved"
        lead="Two of your completed assessments side by side, area by area."
      />
      {loaded.status === 'loading' && <Loading label="Comparing…" />}
      {loaded.status === 'error' && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {loaded.status === 'ok' && (
        <CompareBody
          completed={loaded.data.completed}
          comparison={loaded.data.comparison}
          from={from}
          to={to}
        />
      )}
      <p className="gl-gap-top">
        <Link to="/assessment">All your assessments</Link>
      </p>
    </>
  );
}

function CompareBody({
  completed,
  comparison,
  from,
  to,
}: {
  completed: Assessment[];
  comparison: Comparison | null;
  from: string;
  to: string;
}) {
  const label = (id: string) => {
    const found = completed.find((a) => a.id === id);
    return found ? historyLabel(found) : 'an assessment';
  };
  if (completed.length < 2) {
    return (
      <p>You need two completed assessments to compare. Take another one to see what moved.</p>
    );
  }
  const rows = comparison ? comparisonRows(comparison) : [];
  return (
    <>
      <section className="vf-card gl-gap" aria-labelledby="gl-compare-pick">
        <h2 className="vf-card__title" id="gl-compare-pick">
          Choose two assessments
        </h2>
        <CompareForm
          key={`${from}|${to}`}
          completed={completed}
          from={from || undefined}
          to={to || undefined}
        />
      </section>
      {comparison && (
        <section className="vf-section" aria-labelledby="gl-compare-result">
          <h2 id="gl-compare-result">
            {label(from)} → {label(to)}
          </h2>
          <p className="gl-compare-summary">{comparisonSummary(comparison)}</p>
          <table className="gl-compare-table vf-table">
            <caption className="vf-visually-hidden">
              Score of each area in both assessments (of {CATEGORY_MAX}), the change and the Green
              Line
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Change</th>
                <th scope="col">Green Line</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.key}
                  className={row.crossed ? `gl-crossed gl-crossed--${row.crossed}` : undefined}
                >
                  <th scope="row">{row.label}</th>
                  <td data-label="Before">
                    {row.from}
                    {row.fromStatus && (
                      <span className="vf-visually-hidden"> ({STATUS_LABELS[row.fromStatus]})</span>
                    )}
                  </td>
                  <td data-label="After">
                    {row.to}
                    {row.toStatus && (
                      <span className="vf-visually-hidden"> ({STATUS_LABELS[row.toStatus]})</span>
                    )}
                  </td>
                  <td data-label="Change" className={`gl-change gl-change--${row.direction}`}>
                    {row.changeText}
                  </td>
                  <td data-label="Green Line">
                    {row.crossed ? (
                      <span className={`gl-crossed-tag gl-crossed-tag--${row.crossed}`}>
                        <span aria-hidden="true">{row.crossed === 'up' ? '▲ ' : '▼ '}</span>
                        {row.crossedText}
                      </span>
                    ) : (
                      row.crossedText
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
