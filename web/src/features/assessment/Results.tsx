import { Link, Navigate, useParams } from 'react-router-dom';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { categoryLabel } from '../../ui/lifeCategories';
import { PageHeader } from '../../ui/PageHeader';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  loadAssessment,
  loadAssessments,
  loadBank,
  loadInsights,
  type Assessment,
  type Insight,
} from './api';
import { CATEGORY_MAX, chartRows, GREEN_LINE, TRANSITION_FROM } from './chart';
import { GreenLineChart } from './GreenLineChart';
import { historyLabel } from './history';
import { groupInsights } from './insights';
import { UnloadedPage } from './UnloadedPage';

interface Loaded {
  assessment: Assessment;
  /** The category keys in the bank's order. */
  order: string[];
  insights: Insight[];
  /** The completed assessment before this one, to compare with. */
  previous?: Assessment;
}

export function Results() {
  usePageTitle('Assessment results');
  const { id = '' } = useParams();
  const api = useApi();
  const loaded = useResource<Loaded>(
    async (signal) => {
      const assessment = await loadAssessment(api, id, signal);
      if (assessment.status !== 'completed') return { assessment, order: [], insights: [] };
      const [insights, completed, bank] = await Promise.all([
        loadInsights(api, id, signal),
        loadAssessments(api, { status: 'completed', limit: 50 }, signal),
        loadBank(api, signal),
      ]);
      const order = (bank.categories ?? []).map((c) => c.key ?? '');
      const index = completed.items.findIndex((a) => a.id === id);
      const previous = index >= 0 ? completed.items[index + 1] : undefined;
      return { assessment, order, insights, ...(previous ? { previous } : {}) };
    },
    [api, id],
  );

  if (loaded.status !== 'ok') {
    return (
      <UnloadedPage
        header={<ResultsHeader />}
        loaded={loaded}
        loadingLabel="Loading your results…"
      />
    );
  }
  const { assessment, order, insights, previous } = loaded.data;
  if (assessment.status !== 'completed') {
    return <Navigate to={`/assessment/${id}/take`} replace />;
  }
  const rows = chartRows(assessment.category_scores, assessment.green_line_status, order);
  const below = rows.filter((row) => row.status === 'below');
  const groups = groupInsights(insights);

  return (
    <>
      <ResultsHeader when={historyLabel(assessment)} />

      <div className="vf-grid">
        <section className="vf-card" aria-labelledby="gl-overall">
          <h2 className="vf-card__title" id="gl-overall">
            Overall
          </h2>
          <p className="vf-card__figure">{assessment.overall_percentage ?? 0}%</p>
          <p className="vf-card__note">
            {assessment.total_score ?? 0} of {assessment.max_possible_score ?? 840} points
          </p>
        </section>
        <section className="vf-card" aria-labelledby="gl-below">
          <h2 className="vf-card__title" id="gl-below">
            Below the Green Line
          </h2>
          {below.length === 0 ? (
            <p>No area is below the Green Line. Well done.</p>
          ) : (
            <ul className="gl-below-list vf-list">
              {below.map((row) => (
                <li key={row.key}>
                  <span className="gl-below-list__name">{row.label}</span>{' '}
                  <span className="gl-below-list__score">
                    {row.score} of {CATEGORY_MAX}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="vf-section" aria-labelledby="gl-by-category">
        <h2 id="gl-by-category">By category</h2>
        <GreenLineChart rows={rows} caption="Your score in each area, of 70." />
      </section>

      <section className="vf-section" aria-labelledby="gl-insights">
        <h2 id="gl-insights">Insights</h2>
        {groups.length === 0 ? (
          <p>No insights were written for this assessment.</p>
        ) : (
          groups.map((group) => (
            <section
              key={group.type}
              className="gl-insight-group"
              aria-labelledby={`gl-insights-${group.type}`}
            >
              <h3 id={`gl-insights-${group.type}`}>{group.heading}</h3>
              <ul className="gl-insights">
                {group.insights.map((insight) => (
                  <li key={insight.id} className="gl-insight">
                    <p className="gl-insight__category">{categoryLabel(insight.category ?? '')}</p>
                    <p className="gl-insight__title">{insight.title}</p>
                    <p className="gl-insight__text">{insight.description}</p>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </section>

      <section className="vf-section" aria-labelledby="gl-next">
        <h2 id="gl-next">What next</h2>
        <div className="gl-actions">
          {previous && (
            <Link
              className="vf-button"
              to={`/assessment/compare?${new URLSearchParams({ from: previous.id ?? '', to: id }).toString()}`}
            >
              Compare with your previous assessment
            </Link>
          )}
          <Link className="vf-button vf-button--quiet" to="/life-vision">
            Write in your Life Vision
          </Link>
          <Link className="vf-button vf-button--quiet" to="/assessment">
            All your assessments
          </Link>
        </div>
      </section>
    </>
  );
}

function ResultsHeader({ when }: { when?: string }) {
  return (
    <PageHeader
      eyebrow="Green Line results"
      title="Your Green Line"
      lead={
        <>
          {when ? `Completed ${when}. ` : ''}An area is above the Green Line from {GREEN_LINE} of{' '}
          {CATEGORY_MAX} points, and in transition from {TRANSITION_FROM}.
        </>
      }
    />
  );
}
