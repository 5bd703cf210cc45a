import { describe, expect, it } from 'vitest';
import {
  chartRows,
  chartSummary,
  inOrder,
  GREEN_LINE,
  meterGeometry,
  percentOf,
  rowDescription,
  scaleX,
  TRANSITION_FROM,
} from './chart';

describe('scale', () => {
  it('places values linearly from 0 to 70 and clamps outside', () => {
    expect(scaleX(0, 280)).toBe(0);
    expect(scaleX(35, 280)).toBe(140);
    expect(scaleX(70, 280)).toBe(280);
    expect(scaleX(90, 280)).toBe(280);
    expect(scaleX(-5, 280)).toBe(0);
    expect(scaleX(Number.NaN, 280)).toBe(0);
    expect(scaleX(10, 100, 0)).toBe(0);
  });

  it('puts the Green Line at 56 and transition at 42 of 70', () => {
    const g = meterGeometry(48, 280, 28);
    expect(g.greenLine).toBe(224);
    expect(g.transition).toBe(168);
    expect(g.bar).toBe(192);
    expect(GREEN_LINE / 70).toBe(0.8);
    expect(TRANSITION_FROM / 70).toBe(0.6);
  });

  it('gives whole percents', () => {
    expect(percentOf(56)).toBe(80);
    expect(percentOf(41)).toBe(59);
    expect(percentOf(70)).toBe(100);
    expect(percentOf(200)).toBe(100);
  });
});

describe('chartRows', () => {
  it('keeps the API order and takes the status from the API only', () => {
    const rows = chartRows(
      { money: 40, health: 60, family: 50, romance: 20 },
      { money: 'below', health: 'above', family: 'transition' },
    );
    expect(rows.map((r) => [r.key, r.label, r.score, r.percent, r.status])).toEqual([
      ['money', 'Money & Wealth', 40, 57, 'below'],
      ['health', 'Health & Vitality', 60, 86, 'above'],
      ['family', 'Family & Parenting', 50, 71, 'transition'],
      ['romance', 'Love & Romance', 20, 29, undefined],
    ]);
    expect(chartRows(undefined, undefined)).toEqual([]);
  });

  it('puts the rows in the bank order, whatever order the map came in', () => {
    const rows = chartRows({ home: 28, giving: 28, money: 70, possessions: 28, extra: 1 }, {}, [
      'money',
      'home',
      'possessions',
      'giving',
    ]);
    expect(rows.map((r) => r.key)).toEqual(['money', 'home', 'possessions', 'giving', 'extra']);
    expect(inOrder(['b', 'x', 'a', 'y'], ['a', 'b'])).toEqual(['a', 'b', 'x', 'y']);
  });

  it('describes each row and the whole in words', () => {
    const rows = chartRows({ money: 40, health: 60 }, { money: 'below', health: 'above' });
    expect(rowDescription(rows[0]!)).toBe(
      'Money & Wealth: 40 of 70 (57%), below the Green Line. The Green Line is at 56.',
    );
    expect(chartSummary(rows)).toBe(
      '1 category above the Green Line, 0 in transition and 1 below, of 2.',
    );
  });
});
