/**
 * How far an assessment is: answered questions per category and overall, where to resume, and the
 * unanswered questions a refused completion (422) names. Pure: the screen loads, these decide.
 */
import type { Schemas } from '../../api/client';
import { categoryLabel } from '../../ui/lifeCategories';

export interface BankQuestion {
  id: string;
  text: string;
  answers: { value: number; text: string; emoji: string }[];
}

export interface BankCategory {
  key: string;
  title: string;
  questions: BankQuestion[];
}

/** question id → the answer's value (2, 4, 6, 8 or 10). */
export type Answers = Readonly<Record<string, number>>;

export interface CategoryProgress {
  key: string;
  title: string;
  answered: number;
  total: number;
  complete: boolean;
}

export interface Progress {
  categories: CategoryProgress[];
  answered: number;
  total: number;
  complete: boolean;
}

/** The bank as the API gives it, in its (canonical) order, without empty categories. */
export function bankOf(bank: Schemas['QuestionBank']): BankCategory[] {
  return (bank.categories ?? [])
    .filter((category) => category.key && (category.questions?.length ?? 0) > 0)
    .map((category) => ({
      key: category.key ?? '',
      title: category.title?.trim() || categoryLabel(category.key ?? ''),
      questions: (category.questions ?? [])
        .filter((question) => question.id)
        .map((question) => ({
          id: question.id ?? '',
          text: question.text ?? '',
          answers: (question.answers ?? [])
            .filter((answer) => typeof answer.value === 'number')
            .map((answer) => ({
              value: answer.value ?? 0,
              text: answer.text ?? '',
              emoji: answer.emoji ?? '',
            })),
        })),
    }));
}

/** The member's answers as a map, from the API's list of responses. */
export function answersOf(responses: Schemas['AssessmentResponse'][]): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const response of responses) {
    if (response.question_id && typeof response.response_value === 'number') {
      answers[response.question_id] = response.response_value;
    }
  }
  return answers;
}

export function progressOf(bank: BankCategory[], answers: Answers): Progress {
  const categories = bank.map((category) => {
    const answered = category.questions.filter((q) => answers[q.id] !== undefined).length;
    const total = category.questions.length;
    return {
      key: category.key,
      title: category.title,
      answered,
      total,
      complete: answered === total,
    };
  });
  const answered = categories.reduce((sum, c) => sum + c.answered, 0);
  const total = categories.reduce((sum, c) => sum + c.total, 0);
  return { categories, answered, total, complete: total > 0 && answered === total };
}

/**
 * The category to show: the one asked for (from the address) when it exists, else the first with
 * an unanswered question, else the last (everything answered: ready to finish).
 */
export function resumeCategory(progress: Progress, requested?: string | null): string | undefined {
  if (requested && progress.categories.some((c) => c.key === requested)) return requested;
  const firstOpen = progress.categories.find((c) => !c.complete);
  return (firstOpen ?? progress.categories[progress.categories.length - 1])?.key;
}

export function neighbours(
  bank: BankCategory[],
  key: string,
): { previous?: BankCategory; next?: BankCategory; index: number } {
  const index = bank.findIndex((c) => c.key === key);
  return {
    index,
    ...(index > 0 ? { previous: bank[index - 1] } : {}),
    ...(index >= 0 && index < bank.length - 1 ? { next: bank[index + 1] } : {}),
  };
}

export interface Unanswered {
  questionId: string;
  /** Undefined when the question is not in the bank the screen knows. */
  categoryKey?: string;
  categoryTitle?: string;
  text?: string;
}

const RESPONSE_FIELD = /^responses\.(.+)$/;

/**
 * The unanswered questions named by a refused completion (422: one error per question, field
 * `responses.<question_id>`), in the bank's order; questions the bank does not know come last.
 */
export function unansweredFrom(
  fieldErrors: Record<string, string>,
  bank: BankCategory[],
): Unanswered[] {
  const named = new Set<string>();
  for (const field of Object.keys(fieldErrors)) {
    const match = RESPONSE_FIELD.exec(field);
    if (match?.[1]) named.add(match[1]);
  }
  const result: Unanswered[] = [];
  for (const category of bank) {
    for (const question of category.questions) {
      if (named.delete(question.id)) {
        result.push({
          questionId: question.id,
          categoryKey: category.key,
          categoryTitle: category.title,
          text: question.text,
        });
      }
    }
  }
  for (const questionId of named) result.push({ questionId });
  return result;
}

/** The id of a question's fieldset on the page, the target of the links to it. */
export function questionAnchor(questionId: string): string {
  return `question-${questionId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
