import { describe, expect, it } from 'vitest';
import {
  changeText,
  changeWords,
  comparisonRows,
  comparisonSummary,
  crossedText,
  directionOf,
} from './compare';
import { groupInsights } from './insights';

describe('change wording', () => {
  it('signs the change with a true minus', () => {
    expect(changeText(8)).toBe('+8');
    expect(changeText(-4)).toBe('\u22124');
    expect(changeText(0)).toBe('no change');
    expect(changeWords(1)).toBe('up 1 point');
    expect(changeWords(-6)).toBe('down 6 points');
    expect(directionOf(-1)).toBe('down');
    expect(directionOf(0)).toBe('same');
  });

  it('names a Green Line crossed up or down by where it landed', () => {
    expect(crossedText('up', 'transition', 'above')).toBe('Rose above the Green Line');
    expect(crossedText('up', 'below', 'transition')).toBe('Moved up into transition');
    expect(crossedText('down', 'transition', 'below')).toBe('Dropped below the Green Line');
    expect(crossedText('down', 'above', 'transition')).toBe('Slipped into transition');
    expect(crossedText(null, 'above', 'above')).toBe('Still above the Green Line');
    expect(crossedText(null, 'below', 'below')).toBe('Still below the Green Line');
    expect(crossedText(null, null, null)).toBe('Status unchanged');
  });
});

describe('comparisonRows', () => {
  const comparison = {
    from_total: 400,
    to_total: 420,
    total_change: 20,
    categories: [
      {
        category: 'money',
        from_score: 40,
        to_score: 58,
        change: 18,
        from_status: 'below',
        to_status: 'above',
        crossed: 'up',
      },
      {
        category: 'health',
        from_score: 60,
        to_score: 50,
        change: -10,
        from_status: 'above',
        to_status: 'transition',
        crossed: 'down',
      },
      {
        category: 'fun',
        from_score: 44,
        to_score: 44,
        change: 0,
        from_status: 'transition',
        to_status: 'transition',
        crossed: null,
      },
    ],
  };

  it('gives both scores, the change and what was crossed', () => {
    const rows = comparisonRows(comparison);
    expect(
      rows.map((r) => [r.label, r.from, r.to, r.changeText, r.crossed, r.crossedText]),
    ).toEqual([
      ['Money & Wealth', 40, 58, '+18', 'up', 'Rose above the Green Line'],
      ['Health & Vitality', 60, 50, '\u221210', 'down', 'Slipped into transition'],
      ['Fun & Recreation', 44, 44, 'no change', undefined, 'Still in transition'],
    ]);
  });

  it('sums it up', () => {
    expect(comparisonSummary(comparison)).toBe(
      'Total score 400 → 420 of 840 (up 20 points). 1 category moved up a band, 1 moved down.',
    );
    expect(comparisonSummary({ from_total: 5, to_total: 5, categories: [] })).toBe(
      'Total score 5 → 5 of 840 (no change). No category changed its Green Line status.',
    );
  });
});

describe('groupInsights', () => {
  it('groups by kind in reading order and keeps the API order inside', () => {
    const groups = groupInsights([
      { id: '1', insight_type: 'recommendation' },
      { id: '2', insight_type: 'strength' },
      { id: '3', insight_type: 'strength' },
      { id: '4', insight_type: 'growth_area' },
    ]);
    expect(groups.map((g) => [g.heading, g.insights.map((i) => i.id)])).toEqual([
      ['Strengths', ['2', '3']],
      ['Growth areas', ['4']],
      ['Next steps', ['1']],
    ]);
  });
});
