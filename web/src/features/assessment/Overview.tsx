import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageHeader } from '../../ui/PageHeader';
import {
  deleteAssessment,
  loadAssessments,
  startAssessment,
  type Assessment,
  type AssessmentPage,
} from './api';
import { CompareForm } from './CompareForm';
import { DeleteAssessmentDialog } from './DeleteAssessmentDialog';
import { historyLabel } from './history';

const PAGE_SIZE = 20;

export function Overview() {
  usePageTitle('Assessment');
  const api = useApi();
  const navigate = useNavigate();
  const first = useResource((signal) => loadAssessments(api, { limit: PAGE_SIZE }, signal), [api]);
  const [more, setMore] = useState<{ items: Assessment[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [actionError, setActionError] = useState<UiError | null>(null);
  const [starting, setStarting] = useState(false);
  const [toDelete, setToDelete] = useState<Assessment | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);

  const reload = () => {
    setMore(null);
    first.reload();
  };

  const start = async () => {
    setStarting(true);
    setActionError(null);
    try {
      const started = await startAssessment(api);
      navigate(`/assessment/${started.id}/take`);
    } catch (error) {
      setActionError(toUiError(error));
      setStarting(false);
    }
  };

  const loadMore = async (page: AssessmentPage) => {
    const cursor = more ? more.nextCursor : page.nextCursor;
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const next = await loadAssessments(api, { limit: PAGE_SIZE, cursor });
      setMore({ items: [...(more?.items ?? []), ...next.items], nextCursor: next.nextCursor });
    } catch (error) {
      setActionError(toUiError(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const confirmDelete = async (assessment: Assessment) => {
    if (!assessment.id) return;
    await deleteAssessment(api, assessment.id);
    setToDelete(null);
    setDeleted(historyLabel(assessment));
    reload();
  };

  return (
    <>
      <PageHeader
        eyebrow="Green Line"
        title="Your Green Line assessment"
        lead="84 questions across the 12 areas of your life. Each area lands above the Green Line, in transition, or below it, so you can see where to give your attention."
      />

      {actionError && (
        <ErrorNotice error={actionError} onRetry={() => setActionError(null)} className="gl-gap" />
      )}
      {deleted && (
        <div className="vf-notice vf-notice--info gl-gap" role="status">
          <p className="vf-notice__text">Deleted the assessment of {deleted}.</p>
        </div>
      )}

      {first.status === 'loading' && <Loading label="Loading your assessments…" />}
      {first.status === 'error' && <ErrorNotice error={first.error} onRetry={first.reload} />}
      {first.status === 'ok' &&
        (() => {
          const items = [...first.data.items, ...(more?.items ?? [])];
          const nextCursor = more ? more.nextCursor : first.data.nextCursor;
          const inProgress = items.find((a) => a.status === 'in_progress');
          const completed = items.filter((a) => a.status === 'completed');
          const latest = completed[0];
          return (
            <>
              <div className="vf-grid">
                {inProgress ? (
                  <section className="vf-card" aria-labelledby="gl-continue">
                    <h2 className="vf-card__title" id="gl-continue">
                      Continue where you left off
                    </h2>
                    <p>
                      {inProgress.answered_questions ?? 0} of {inProgress.total_questions ?? 84}{' '}
                      questions answered
                    </p>
                    <progress
                      className="vf-progress"
                      max={inProgress.total_questions ?? 84}
                      value={inProgress.answered_questions ?? 0}
                      aria-label="Assessment progress"
                    />
                    <div className="vf-card__actions">
                      <Link className="vf-button" to={`/assessment/${inProgress.id}/take`}>
                        Continue the assessment
                      </Link>
                    </div>
                  </section>
                ) : (
                  <section className="vf-card" aria-labelledby="gl-start">
                    <h2 className="vf-card__title" id="gl-start">
                      {latest ? 'Take it again' : 'Take the assessment'}
                    </h2>
                    <p>
                      {latest
                        ? 'See what has shifted since your last one.'
                        : 'It takes about 15 minutes. Your answers are saved as you go.'}
                    </p>
                    <div className="vf-card__actions">
                      <button
                        type="button"
                        className="vf-button"
                        onClick={() => void start()}
                        disabled={starting}
                      >
                        {starting ? 'Starting…' : 'Start a new assessment'}
                      </button>
                    </div>
                  </section>
                )}
                {latest && (
                  <section className="vf-card" aria-labelledby="gl-latest">
                    <h2 className="vf-card__title" id="gl-latest">
                      Your latest result
                    </h2>
                    <p className="vf-card__figure">{latest.overall_percentage ?? 0}%</p>
                    <p className="vf-card__note">Completed {formatDate(latest.completed_at)}</p>
                    <div className="vf-card__actions">
                      <Link
                        className="vf-button vf-button--quiet vf-button--small"
                        to={`/assessment/${latest.id}`}
                      >
                        See your results
                      </Link>
                    </div>
                  </section>
                )}
              </div>

              {completed.length >= 2 && (
                <section className="vf-section" aria-labelledby="gl-compare">
                  <h2 id="gl-compare">Compare two assessments</h2>
                  <CompareForm completed={completed} />
                </section>
              )}

              <section className="vf-section" aria-labelledby="gl-history">
                <h2 id="gl-history">History</h2>
                {items.length === 0 ? (
                  <p>No assessments yet.</p>
                ) : (
                  <ul className="vf-steps">
                    {items.map((assessment) => (
                      <li key={assessment.id} className="vf-step">
                        <div className="gl-history__text">
                          <h3 className="gl-history__title">{historyLabel(assessment)}</h3>
                          <p className="gl-history__meta">
                            {assessment.status === 'completed'
                              ? `Completed · ${assessment.overall_percentage ?? 0}% overall`
                              : `In progress · ${assessment.answered_questions ?? 0} of ${assessment.total_questions ?? 84} answered`}
                          </p>
                        </div>
                        <div className="gl-history__actions">
                          <Link
                            className="vf-button vf-button--quiet vf-button--small"
                            to={
                              assessment.status === 'completed'
                                ? `/assessment/${assessment.id}`
                                : `/assessment/${assessment.id}/take`
                            }
                            aria-label={`Open the assessment of ${historyLabel(assessment)}`}
                          >
                            Open
                          </Link>
                          <button
                            type="button"
                            className="vf-button vf-button--quiet vf-button--small"
                            onClick={() => {
                              setDeleted(null);
                              setToDelete(assessment);
                            }}
                            aria-label={`Delete the assessment of ${historyLabel(assessment)}`}
                          >
                            Delete
                          </button>
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
                {nextCursor && (
                  <button
                    type="button"
                    className="vf-button vf-button--quiet gl-gap-top"
                    onClick={() => void loadMore(first.data)}
                    disabled={loadingMore}
                  >
                    {loadingMore ? 'Loading…' : 'Show older assessments'}
                  </button>
                )}
              </section>
            </>
          );
        })()}

      <DeleteAssessmentDialog
        assessment={toDelete}
        onCancel={() => setToDelete(null)}
        onConfirm={confirmDelete}
      />
    </>
  );
}
