import { describe, expect, it } from 'vitest';
import {
  answersOf,
  bankOf,
  neighbours,
  progressOf,
  questionAnchor,
  resumeCategory,
  unansweredFrom,
  type BankCategory,
} from './progress';

function category(key: string, count = 7): BankCategory {
  return {
    key,
    title: key.toUpperCase(),
    questions: Array.from({ length: count }, (_, i) => ({
      id: `${key}_${i + 1}`,
      text: `${key} question ${i + 1}`,
      answers: [],
    })),
  };
}

const bank = [category('money'), category('health'), category('family')];

describe('progressOf', () => {
  it('counts answered questions per category and overall', () => {
    const progress = progressOf(bank, { money_1: 8, money_2: 10, health_7: 2, romance_1: 4 });
    expect(progress.categories.map((c) => [c.key, c.answered, c.total, c.complete])).toEqual([
      ['money', 2, 7, false],
      ['health', 1, 7, false],
      ['family', 0, 7, false],
    ]);
    // an answer to a question the bank does not ask is not counted
    expect(progress.answered).toBe(3);
    expect(progress.total).toBe(21);
    expect(progress.complete).toBe(false);
  });

  it('is complete when every question is answered', () => {
    const all: Record<string, number> = {};
    for (const c of bank) for (const q of c.questions) all[q.id] = 6;
    const progress = progressOf(bank, all);
    expect(progress.complete).toBe(true);
    expect(progress.categories.every((c) => c.complete)).toBe(true);
    expect(progressOf([], {}).complete).toBe(false);
  });
});

describe('resumeCategory', () => {
  it('keeps the requested step, else the first with an unanswered question, else the last', () => {
    const some = progressOf(bank, Object.fromEntries(bank[0]!.questions.map((q) => [q.id, 8])));
    expect(resumeCategory(some, 'family')).toBe('family');
    expect(resumeCategory(some, 'nonsense')).toBe('health');
    expect(resumeCategory(some, null)).toBe('health');
    const all: Record<string, number> = {};
    for (const c of bank) for (const q of c.questions) all[q.id] = 6;
    expect(resumeCategory(progressOf(bank, all))).toBe('family');
    expect(resumeCategory(progressOf([], {}))).toBeUndefined();
  });
});

describe('neighbours', () => {
  it('names the previous and next steps', () => {
    expect(neighbours(bank, 'money')).toMatchObject({ index: 0, next: { key: 'health' } });
    expect(neighbours(bank, 'money').previous).toBeUndefined();
    expect(neighbours(bank, 'family')).toMatchObject({ index: 2, previous: { key: 'health' } });
    expect(neighbours(bank, 'family').next).toBeUndefined();
  });
});

describe('unansweredFrom', () => {
  it('reads the question ids of a 422 in the bank order, unknown ones last', () => {
    const list = unansweredFrom(
      {
        'responses.health_3': 'unanswered',
        'responses.romance_9': 'unanswered',
        'responses.money_2': 'unanswered',
        other: 'x',
      },
      bank,
    );
    expect(list).toEqual([
      {
        questionId: 'money_2',
        categoryKey: 'money',
        categoryTitle: 'MONEY',
        text: 'money question 2',
      },
      {
        questionId: 'health_3',
        categoryKey: 'health',
        categoryTitle: 'HEALTH',
        text: 'health question 3',
      },
      { questionId: 'romance_9' },
    ]);
    expect(unansweredFrom({}, bank)).toEqual([]);
  });
});

describe('mapping the API', () => {
  it('keeps the bank order and fills titles', () => {
    const mapped = bankOf({
      assessment_version: 1,
      categories: [
        {
          key: 'money',
          title: 'Money & Wealth',
          questions: [
            { id: 'money_1', text: 'Q', answers: [{ value: 10, text: 'A', emoji: 'x' }] },
          ],
        },
        { key: 'health', questions: [{ id: 'health_1', text: 'Q2', answers: [] }] },
        // a category the API does not send today: left out
        { key: 'empty' as never, questions: [] },
      ],
    });
    expect(mapped.map((c) => c.key)).toEqual(['money', 'health']);
    expect(mapped[1]?.title).toBe('Health & Vitality');
    expect(mapped[0]?.questions[0]?.answers).toEqual([{ value: 10, text: 'A', emoji: 'x' }]);
  });

  it('turns responses into answers', () => {
    expect(
      answersOf([
        { question_id: 'money_1', response_value: 8 },
        { question_id: 'money_2', response_value: 2 },
        { question_id: 'money_3' },
      ]),
    ).toEqual({ money_1: 8, money_2: 2 });
  });

  it('makes safe anchors', () => {
    expect(questionAnchor('money_3')).toBe('question-money_3');
    expect(questionAnchor('a b.c')).toBe('question-a-b-c');
  });
});
