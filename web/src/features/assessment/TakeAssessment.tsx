import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Link,
  Navigate,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router-dom';
import { ApiFailure, toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageHeader } from '../../ui/PageHeader';
import {
  completeAssessment,
  isAnswerValue,
  loadAssessment,
  loadBank,
  loadResponses,
  saveAnswer,
} from './api';
import {
  answersOf,
  bankOf,
  neighbours,
  progressOf,
  questionAnchor,
  resumeCategory,
  unansweredFrom,
  type BankCategory,
  type Unanswered,
} from './progress';
import { UnloadedPage } from './UnloadedPage';

interface Loaded {
  bank: BankCategory[];
  answers: Record<string, number>;
  completed: boolean;
}

export function TakeAssessment() {
  const { id = '' } = useParams();
  const api = useApi();
  const loaded = useResource<Loaded>(
    async (signal) => {
      const [assessment, bank, responses] = await Promise.all([
        loadAssessment(api, id, signal),
        loadBank(api, signal),
        loadResponses(api, id, signal),
      ]);
      return {
        bank: bankOf(bank),
        answers: answersOf(responses),
        completed: assessment.status === 'completed',
      };
    },
    [api, id],
  );

  if (loaded.status !== 'ok') {
    return (
      <UnloadedPage
        header={<TakeHeader />}
        loaded={loaded}
        loadingLabel="Loading your assessment…"
      />
    );
  }
  if (loaded.data.completed) return <Navigate to={`/assessment/${id}`} replace />;
  return <Questionnaire id={id} bank={loaded.data.bank} initialAnswers={loaded.data.answers} />;
}

function TakeHeader() {
  usePageTitle('Assessment');
  return (
    <PageHeader
      eyebrow="Green Line assessment"
      title="Where are you today?"
      lead="Choose the answer closest to how it is for you now. Each answer is saved as you give it."
    />
  );
}

type SaveState = { kind: 'saving' } | { kind: 'error'; error: UiError; value: number };

function Questionnaire({
  id,
  bank,
  initialAnswers,
}: {
  id: string;
  bank: BankCategory[];
  initialAnswers: Record<string, number>;
}) {
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [answers, setAnswers] = useState<Record<string, number>>(initialAnswers);
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const [finishing, setFinishing] = useState(false);
  const [finishError, setFinishError] = useState<UiError | null>(null);
  const [unanswered, setUnanswered] = useState<Unanswered[] | null>(null);
  const chains = useRef(new Map<string, Promise<unknown>>());
  const stepHeading = useRef<HTMLHeadingElement>(null);

  const progress = progressOf(bank, answers);
  const requested = params.get('category');
  const currentKey = resumeCategory(progress, requested);
  const current = bank.find((c) => c.key === currentKey);
  const { previous, next, index } = neighbours(bank, currentKey ?? '');
  const currentProgress = progress.categories.find((c) => c.key === currentKey);

  // Pin the step in the address, so a reload (or the back button) comes back to it.
  useEffect(() => {
    if (currentKey && requested !== currentKey) {
      setParams({ category: currentKey }, { replace: true });
    }
  }, [currentKey, requested, setParams]);

  // A link to one question (from the unanswered list): bring it into view and give it focus.
  useEffect(() => {
    const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    }
  }, [location.hash, currentKey]);

  const goTo = (key: string) => {
    setParams({ category: key });
    // The new step's heading takes focus, so keyboard and screen reader users start at it.
    requestAnimationFrame(() => stepHeading.current?.focus());
  };

  const answer = useCallback(
    (questionId: string, value: number) => {
      if (!isAnswerValue(value)) return;
      setAnswers((all) => ({ ...all, [questionId]: value }));
      setSaves((all) => ({ ...all, [questionId]: { kind: 'saving' } }));
      setUnanswered((list) => list?.filter((u) => u.questionId !== questionId) ?? null);
      // One request at a time per question, in the order given: the last answer wins.
      const previousSave = chains.current.get(questionId) ?? Promise.resolve();
      const save = previousSave
        .catch(() => undefined)
        .then(() => saveAnswer(api, id, questionId, value));
      chains.current.set(questionId, save);
      save.then(
        () => {
          if (chains.current.get(questionId) !== save) return;
          setSaves((all) => {
            const rest = { ...all };
            delete rest[questionId];
            return rest;
          });
        },
        (error: unknown) => {
          if (chains.current.get(questionId) !== save) return;
          setSaves((all) => ({
            ...all,
            [questionId]: { kind: 'error', error: toUiError(error), value },
          }));
        },
      );
    },
    [api, id],
  );

  const finish = async () => {
    setFinishing(true);
    setFinishError(null);
    try {
      await Promise.allSettled([...chains.current.values()]);
      await completeAssessment(api, id);
      navigate(`/assessment/${id}`);
    } catch (error) {
      const ui = toUiError(error);
      if (error instanceof ApiFailure && ui.status === 422) {
        const list = unansweredFrom(ui.fieldErrors, bank);
        setUnanswered(list);
        if (list.length === 0) setFinishError(ui);
      } else {
        setFinishError(ui);
      }
      setFinishing(false);
    }
  };

  const savingCount = Object.values(saves).filter((s) => s.kind === 'saving').length;
  const failedCount = Object.values(saves).filter((s) => s.kind === 'error').length;

  if (!current || !currentProgress) {
    return (
      <>
        <TakeHeader />
        <p>There are no questions to answer right now.</p>
      </>
    );
  }

  const stepLabel = `Step ${index + 1} of ${bank.length}`;

  return (
    <>
      <TakeHeader />
      <div className="gl-take">
        <div className="gl-take__main">
          {unanswered && unanswered.length > 0 && (
            <UnansweredNotice unanswered={unanswered} onDismiss={() => setUnanswered(null)} />
          )}
          {finishError && <ErrorNotice error={finishError} onRetry={() => void finish()} />}

          <section aria-labelledby="gl-step-title">
            <p className="vf-eyebrow">{stepLabel}</p>
            <h2 id="gl-step-title" ref={stepHeading} tabIndex={-1} className="gl-step-title">
              {current.title}
            </h2>
            <p className="gl-step-meta">
              {currentProgress.answered} of {currentProgress.total} answered in this area ·{' '}
              {progress.answered} of {progress.total} overall
            </p>
            <progress
              className="vf-progress"
              max={currentProgress.total}
              value={currentProgress.answered}
              aria-label={`${current.title}: ${currentProgress.answered} of ${currentProgress.total} answered`}
            />

            <ol className="gl-questions vf-list">
              {current.questions.map((question, n) => {
                const save = saves[question.id];
                return (
                  <li key={question.id}>
                    <fieldset
                      id={questionAnchor(question.id)}
                      className="gl-question"
                      tabIndex={-1}
                      aria-describedby={
                        save?.kind === 'error' ? `${questionAnchor(question.id)}-error` : undefined
                      }
                    >
                      <legend className="gl-question__text">
                        <span className="gl-question__number">{n + 1}.</span> {question.text}
                      </legend>
                      <div className="gl-answers">
                        {question.answers.map((option) => (
                          <label key={option.value} className="gl-answer">
                            <input
                              type="radio"
                              name={question.id}
                              value={option.value}
                              checked={answers[question.id] === option.value}
                              onChange={() => answer(question.id, option.value)}
                            />
                            <span className="gl-answer__emoji" aria-hidden="true">
                              {option.emoji}
                            </span>
                            <span className="gl-answer__text">{option.text}</span>
                          </label>
                        ))}
                      </div>
                      {save?.kind === 'error' && (
                        <div id={`${questionAnchor(question.id)}-error`}>
                          <ErrorNotice
                            error={{ ...save.error, retryable: true }}
                            onRetry={() => answer(question.id, save.value)}
                          />
                        </div>
                      )}
                    </fieldset>
                  </li>
                );
              })}
            </ol>
          </section>

          <div className="gl-step-nav">
            {previous ? (
              <button
                type="button"
                className="vf-button vf-button--quiet"
                onClick={() => goTo(previous.key)}
              >
                Back: {previous.title}
              </button>
            ) : (
              <span />
            )}
            {next ? (
              <button type="button" className="vf-button" onClick={() => goTo(next.key)}>
                Next: {next.title}
              </button>
            ) : (
              <button
                type="button"
                className="vf-button"
                onClick={() => void finish()}
                disabled={finishing}
              >
                {finishing ? 'Finishing…' : 'Finish and see my results'}
              </button>
            )}
          </div>
          {next && (
            <p className="gl-finish-early">
              <button
                type="button"
                className="vf-button vf-button--quiet vf-button--small"
                onClick={() => void finish()}
                disabled={finishing}
              >
                {finishing ? 'Finishing…' : 'Finish the assessment'}
              </button>
            </p>
          )}
        </div>
        <aside className="gl-take__aside vf-panel" aria-labelledby="gl-progress-title">
          <h2 id="gl-progress-title" className="gl-take__aside-title">
            Your progress
          </h2>
          <p className="gl-progress-figure">
            <strong>{progress.answered}</strong> of {progress.total} answered
          </p>
          <progress
            className="vf-progress"
            max={progress.total}
            value={progress.answered}
            aria-label={`${progress.answered} of ${progress.total} questions answered`}
          />
          <p className="gl-save-status" role="status" aria-live="polite">
            {savingCount > 0
              ? 'Saving…'
              : failedCount > 0
                ? `${failedCount} ${failedCount === 1 ? 'answer was' : 'answers were'} not saved`
                : 'All answers saved'}
          </p>
          <nav aria-label="Categories">
            <ol className="gl-steps vf-list">
              {progress.categories.map((category) => (
                <li key={category.key}>
                  <button
                    type="button"
                    className={`gl-steps__link vf-choice${category.complete ? ' gl-steps__link--done' : ''}`}
                    aria-current={category.key === currentKey ? 'step' : undefined}
                    onClick={() => goTo(category.key)}
                  >
                    <span className="gl-steps__name">{category.title}</span>
                    <span className="gl-steps__count">
                      {category.answered}/{category.total}
                      {category.complete && <span className="vf-visually-hidden"> complete</span>}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        </aside>
      </div>
    </>
  );
}

function UnansweredNotice({
  unanswered,
  onDismiss,
}: {
  unanswered: Unanswered[];
  onDismiss: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const count = unanswered.length;
  return (
    <div
      ref={ref}
      className="vf-notice vf-notice--warning gl-gap"
      role="alert"
      tabIndex={-1}
      aria-labelledby="gl-unanswered-title"
    >
      <div className="vf-notice__body">
        <p className="vf-notice__title" id="gl-unanswered-title">
          {count} {count === 1 ? 'question is' : 'questions are'} still unanswered
        </p>
        <p className="vf-notice__text">Answer these to finish:</p>
        <ul className="vf-notice__list gl-unanswered">
          {unanswered.map((u) => (
            <li key={u.questionId}>
              {u.categoryKey ? (
                <Link
                  to={{
                    search: `?category=${encodeURIComponent(u.categoryKey)}`,
                    hash: `#${questionAnchor(u.questionId)}`,
                  }}
                >
                  {u.categoryTitle}: {u.text}
                </Link>
              ) : (
                <span>Question {u.questionId} (not in the current question set)</span>
              )}
            </li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        className="vf-button vf-button--quiet vf-button--small"
        onClick={onDismiss}
      >
        Hide
      </button>
    </div>
  );
}
