import { describe, expect, it } from 'vitest';
import { nextSteps, MAX_STEPS, type HomeSnapshot } from './nextSteps';
import { greenLineSummary, journalSummary, tokenSummary, visionSummary } from './summary';

const NOW = new Date('2025-06-15T10:00:00Z');

const settled: HomeSnapshot = {
  vision: { kind: 'active', title: 'V', completion: 100 },
  tokens: { remaining: 40_000, monthlyDrip: 50_000, low: false },
  journal: { currentStreak: 3, longestStreak: 9, totalEntries: 20, wroteToday: true },
  greenLine: {
    inProgress: null,
    latest: {
      completedAt: '2025-06-01T09:00:00Z',
      overall: 82,
      above: ['fun'],
      transition: [],
      below: [],
    },
  },
};

const ids = (snapshot: HomeSnapshot) => nextSteps(snapshot, NOW).map((step) => step.id);

describe('nextSteps', () => {
  it('puts writing the Life Vision first for a new member', () => {
    const steps = nextSteps(
      {
        vision: { kind: 'none' },
        tokens: { remaining: 50_000, monthlyDrip: 50_000, low: false },
        journal: { currentStreak: 0, longestStreak: 0, totalEntries: 0, wroteToday: false },
        greenLine: { inProgress: null, latest: null },
      },
      NOW,
    );
    expect(steps.map((s) => s.id)).toEqual([
      'vision-start',
      'assessment-start',
      'journal-start-streak',
    ]);
    expect(steps[0]?.to).toBe('/life-vision');
    expect(steps[2]?.why).toMatch(/begin/);
  });

  it('says how far the draft is', () => {
    const [first] = nextSteps(
      { ...settled, vision: { kind: 'draft', title: 'D', completion: 42 } },
      NOW,
    );
    expect(first?.id).toBe('vision-finish-draft');
    expect(first?.why).toContain('42%');
  });

  it('continues an assessment in progress before anything but the vision', () => {
    const steps = ids({
      ...settled,
      greenLine: { inProgress: { answered: 30, total: 84 }, latest: null },
      journal: { ...settled.journal!, wroteToday: false },
    });
    expect(steps.slice(0, 2)).toEqual(['assessment-continue', 'journal-keep-streak']);
  });

  it('protects a streak when today is not written yet', () => {
    const steps = nextSteps(
      { ...settled, journal: { ...settled.journal!, wroteToday: false } },
      NOW,
    );
    const streak = steps.find((s) => s.id === 'journal-keep-streak');
    expect(streak?.title).toBe('Keep your 3-day streak going');
    expect(streak?.why).toContain('4 days');
  });

  it('names the categories below the Green Line', () => {
    const [first] = nextSteps(
      {
        ...settled,
        greenLine: {
          inProgress: null,
          latest: { ...settled.greenLine!.latest!, below: ['money', 'health'] },
        },
      },
      NOW,
    );
    expect(first?.id).toBe('assessment-below');
    expect(first?.title).toContain('Money & Wealth');
    expect(first?.why).toContain('Money & Wealth and Health & Vitality');
  });

  it('suggests a retake after 90 days', () => {
    const old = {
      ...settled,
      greenLine: {
        inProgress: null,
        latest: { ...settled.greenLine!.latest!, completedAt: '2025-01-01T00:00:00Z' },
      },
    };
    expect(ids(old)).toContain('assessment-retake');
    expect(ids(settled)).not.toContain('assessment-retake');
  });

  it('warns about low tokens and does not send a member without tokens to VIVA', () => {
    const empty = { ...settled, tokens: { remaining: 0, monthlyDrip: 50_000, low: true } };
    expect(ids(empty)).toContain('tokens-low');
    expect(ids(empty)).not.toContain('viva');
  });

  it('always offers something, at most three things', () => {
    expect(ids(settled)).toEqual(['viva', 'vision-board']);
    expect(ids({})).toEqual(['viva', 'vision-board']);
    const busy = nextSteps(
      {
        vision: { kind: 'none' },
        tokens: { remaining: 1, monthlyDrip: 50_000, low: true },
        journal: { currentStreak: 0, longestStreak: 0, totalEntries: 0, wroteToday: false },
        greenLine: { inProgress: { answered: 1, total: 84 }, latest: null },
      },
      NOW,
    );
    expect(busy).toHaveLength(MAX_STEPS);
  });

  it('skips the rules of a part that failed to load instead of guessing', () => {
    expect(ids({ tokens: settled.tokens })).not.toContain('vision-start');
    expect(ids({ tokens: settled.tokens })).not.toContain('assessment-start');
  });
});

describe('summaries', () => {
  it('prefers the active vision, then the draft, then none', () => {
    expect(visionSummary({ title: 'A', completion_percentage: 93 }, null)).toMatchObject({
      kind: 'active',
      completion: 93,
    });
    expect(visionSummary(null, { title: ' ', completion_percentage: 140 })).toMatchObject({
      kind: 'draft',
      title: 'My Life Vision',
      completion: 100,
    });
    expect(visionSummary(null, null)).toEqual({ kind: 'none' });
  });

  it('calls tokens low under 20 % of the monthly drip or at zero', () => {
    expect(tokenSummary({ remaining: 9_999, monthly_drip: 50_000 }).low).toBe(true);
    expect(tokenSummary({ remaining: 10_000, monthly_drip: 50_000 }).low).toBe(false);
    expect(tokenSummary({ remaining: 0 }).low).toBe(true);
    expect(tokenSummary({ remaining: 5 }).low).toBe(false);
  });

  it('knows whether the latest entry is dated today', () => {
    const stats = { current_streak: 2, longest_streak: 5, total_entries: 9 };
    expect(journalSummary(stats, '2025-06-15', '2025-06-15').wroteToday).toBe(true);
    expect(journalSummary(stats, '2025-06-14', '2025-06-15').wroteToday).toBe(false);
    expect(journalSummary({}, undefined, '2025-06-15')).toEqual({
      currentStreak: 0,
      longestStreak: 0,
      totalEntries: 0,
      wroteToday: false,
    });
  });

  it('groups the Green Line by status in canonical category order', () => {
    const summary = greenLineSummary(
      {
        status: 'completed',
        overall_percentage: 71,
        green_line_status: {
          spirituality: 'below',
          fun: 'above',
          money: 'below',
          health: 'transition',
        },
      },
      { status: 'in_progress', answered_questions: 10, total_questions: 84 },
    );
    expect(summary.latest).toMatchObject({
      overall: 71,
      above: ['fun'],
      transition: ['health'],
      below: ['money', 'spirituality'],
    });
    expect(summary.inProgress).toEqual({ answered: 10, total: 84 });
    expect(greenLineSummary(null, null)).toEqual({ inProgress: null, latest: null });
  });
});
