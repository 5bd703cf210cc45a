import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  defaultMetric,
  fillDays,
  layoutBars,
  niceMax,
  shortDay,
  ticks,
  type DayUsage,
} from './usage';

describe('fillDays', () => {
  it('lists every day of the range, with zeros where the API had nothing', () => {
    const days = fillDays('2026-11-29', '2026-12-02', [
      { day: '2026-11-30', tokens: 869, calls: 1, cost_cents: 0.2 },
      { day: '2026-12-02', tokens: 0, calls: 3, cost_cents: 0 },
    ]);
    expect(days).toEqual([
      { day: '2026-11-29', tokens: 0, calls: 0, costCents: 0 },
      { day: '2026-11-30', tokens: 869, calls: 1, costCents: 0.2 },
      { day: '2026-12-01', tokens: 0, calls: 0, costCents: 0 },
      { day: '2026-12-02', tokens: 0, calls: 3, costCents: 0 },
    ]);
  });

  it('crosses month ends, leap days and daylight saving without skipping a day', () => {
    const leap = fillDays('2028-02-27', '2028-03-01', []);
    expect(leap.map((d) => d.day)).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    const dst = fillDays('2026-03-28', '2026-03-30', []);
    expect(dst.map((d) => d.day)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(fillDays('2026-11-07', '2026-12-06', [])).toHaveLength(30);
  });

  it('adds up a day listed twice and leaves out days outside the range', () => {
    const days = fillDays('2026-12-01', '2026-12-01', [
      { day: '2026-12-01', tokens: 5, calls: 1 },
      { day: '2026-12-01', tokens: 7, calls: 2 },
      { day: '2026-11-01', tokens: 100, calls: 1 },
    ]);
    expect(days).toEqual([{ day: '2026-12-01', tokens: 12, calls: 3, costCents: 0 }]);
  });

  it('falls back to the days it was given when the range is missing, and is empty when unreadable', () => {
    expect(
      fillDays(undefined, undefined, [
        { day: '2026-12-03', tokens: 1, calls: 1 },
        { day: '2026-12-01', tokens: 2, calls: 1 },
      ]).map((d) => d.day),
    ).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(fillDays(undefined, undefined, [])).toEqual([]);
    expect(fillDays('2026-12-05', '2026-12-01', [])).toEqual([]);
    expect(fillDays('yesterday', 'today', undefined)).toEqual([]);
  });
});

describe('the scale', () => {
  it('rounds the top up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(10)).toBe(10);
    expect(niceMax(11)).toBe(20);
    expect(niceMax(869)).toBe(1000);
    expect(niceMax(1312)).toBe(2000);
    expect(niceMax(4999)).toBe(5000);
    expect(niceMax(Number.NaN)).toBe(1);
  });

  it('draws gridlines at whole numbers only', () => {
    expect(ticks(1)).toEqual([0, 1]);
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(5)).toEqual([0, 5]);
    expect(ticks(1000)).toEqual([0, 500, 1000]);
  });

  it('charts calls when every call was free, tokens otherwise', () => {
    const day = (tokens: number, calls: number): DayUsage => ({
      day: '2026-12-01',
      tokens,
      calls,
      costCents: 0,
    });
    expect(defaultMetric([day(0, 3)])).toBe('calls');
    expect(defaultMetric([day(869, 1), day(0, 2)])).toBe('tokens');
    expect(defaultMetric([day(0, 0)])).toBe('tokens');
  });
});

describe('layoutBars', () => {
  const days = fillDays('2026-12-01', '2026-12-04', [
    { day: '2026-12-01', tokens: 1000, calls: 2 },
    { day: '2026-12-02', tokens: 1, calls: 1 },
    { day: '2026-12-04', tokens: 500, calls: 1 },
  ]);

  it('gives each day a slot and scales heights to the rounded top', () => {
    const layout = layoutBars(days, 'tokens', 400, 100);
    expect(layout.top).toBe(1000);
    expect(layout.bars.map((b) => b.day)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
    const [full, tiny, none, half] = layout.bars;
    expect(full?.height).toBe(100);
    expect(full?.y).toBe(0);
    expect(half?.height).toBe(50);
    expect(half?.y).toBe(50);
    // A day with any use stays visible; a day without has no bar.
    expect(tiny?.height).toBe(2);
    expect(none?.height).toBe(0);
    expect(none?.y).toBe(100);
    // Slots of 100 with a gap: bars never overlap and stay inside the box.
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(0);
      expect(bar.x + bar.width).toBeLessThanOrEqual(400);
    }
    expect(layout.bars[1]!.x).toBeGreaterThan(layout.bars[0]!.x + layout.bars[0]!.width);
    expect(layout.grid).toEqual([
      { value: 0, y: 100 },
      { value: 500, y: 50 },
      { value: 1000, y: 0 },
    ]);
  });

  it('charts calls on their own scale', () => {
    const layout = layoutBars(days, 'calls', 400, 100);
    expect(layout.top).toBe(2);
    expect(layout.bars.map((b) => b.height)).toEqual([100, 50, 0, 50]);
  });

  it('draws an empty range with a top of 1', () => {
    const layout = layoutBars(fillDays('2026-12-01', '2026-12-02', []), 'tokens');
    expect(layout.top).toBe(1);
    expect(layout.bars.every((b) => b.height === 0)).toBe(true);
  });
});

describe('labels', () => {
  it('names kinds of use, and a day without shifting it by the time zone', () => {
    expect(actionLabel('chat_conversation')).toBe('VIVA conversations');
    expect(actionLabel('audio_transcription')).toBe('Transcripts');
    expect(actionLabel('something_new')).toBe('something new');
    expect(actionLabel(undefined)).toBe('Other');
    expect(shortDay('2026-12-01', 'en-GB')).toBe('1 Dec');
    expect(shortDay('not a day')).toBe('not a day');
  });
});
