/**
 * The assessment screen's API calls (assessment-service, /api/v1/assessments...).
 *
 * Contract gap: the merged OpenAPI documents no 200 answer for GET .../compare, .../{id}/responses
 * and .../{id}/insights, so the generated client types their data as absent. The service answers
 * them (AssessmentResource: Comparison, List<ResponseView>, List<InsightView>); the types below
 * name those records' JSON (the existing AssessmentResponse / AssessmentInsight schemas, and the
 * Comparison record, which has no schema). Remove `answerOf` once the 200 answers are documented.
 */
import { unwrap, type Api, type Schemas } from '../../api/client';

export type Assessment = Schemas['Assessment'];
export type QuestionBank = Schemas['QuestionBank'];
export type Insight = Schemas['AssessmentInsight'];
export type AnswerRecord = Schemas['AssessmentResponse'];

/** GET /api/v1/assessments/compare (assessment-service `Comparison`). */
export interface Comparison {
  from_id?: string;
  to_id?: string;
  from_total?: number;
  to_total?: number;
  total_change?: number;
  categories?: {
    category: string;
    from_score?: number;
    to_score?: number;
    change?: number;
    from_status?: string | null;
    to_status?: string | null;
    crossed?: string | null;
  }[];
}

/** The data of an answer whose 200 the OpenAPI does not document (see above). */
async function answerOf<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>) {
  return (await unwrap(call)) as unknown as T;
}

export function loadAssessment(api: Api, id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/assessments/{id}', { params: { path: { id } }, signal }));
}

export function loadBank(api: Api, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/assessments/questions', { signal }));
}

export function loadResponses(api: Api, id: string, signal?: AbortSignal) {
  return answerOf<AnswerRecord[]>(
    api.GET('/api/v1/assessments/{id}/responses', { params: { path: { id } }, signal }),
  );
}

export function loadInsights(api: Api, id: string, signal?: AbortSignal) {
  return answerOf<Insight[]>(
    api.GET('/api/v1/assessments/{id}/insights', { params: { path: { id } }, signal }),
  );
}

export function loadComparison(api: Api, from: string, to: string, signal?: AbortSignal) {
  return answerOf<Comparison>(
    api.GET('/api/v1/assessments/compare', { params: { query: { from, to } }, signal }),
  );
}

export interface AssessmentPage {
  items: Assessment[];
  nextCursor: string | null;
}

export async function loadAssessments(
  api: Api,
  options: { status?: 'in_progress' | 'completed'; limit?: number; cursor?: string | null },
  signal?: AbortSignal,
): Promise<AssessmentPage> {
  const page = await unwrap(
    api.GET('/api/v1/assessments', {
      params: {
        query: {
          ...(options.status ? { status: options.status } : {}),
          ...(options.limit ? { limit: options.limit } : {}),
          ...(options.cursor ? { cursor: options.cursor } : {}),
        },
      },
      signal,
    }),
  );
  return { items: page.items ?? [], nextCursor: page.next_cursor ?? null };
}

export function startAssessment(api: Api) {
  return unwrap(api.POST('/api/v1/assessments', { body: {} }));
}

export function saveAnswer(api: Api, id: string, questionId: string, value: 2 | 4 | 6 | 8 | 10) {
  return unwrap(
    api.PUT('/api/v1/assessments/{id}/responses/{question_id}', {
      params: { path: { id, question_id: questionId } },
      body: { response_value: value },
    }),
  );
}

export function completeAssessment(api: Api, id: string) {
  return unwrap(api.POST('/api/v1/assessments/{id}/complete', { params: { path: { id } } }));
}

export async function deleteAssessment(api: Api, id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/assessments/{id}', { params: { path: { id } } }));
}

export function isAnswerValue(value: number): value is 2 | 4 | 6 | 8 | 10 {
  return value === 2 || value === 4 || value === 6 || value === 8 || value === 10;
}
