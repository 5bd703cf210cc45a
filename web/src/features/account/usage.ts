/**
 * The usage chart's numbers: every day of the range (the API lists only days with usage), a
 * rounded scale, and each bar's place. Pure.
 */
import type { Schemas } from '../../api/client';

export type Metric = 'tokens' | 'calls';

export interface DayUsage {
  /** YYYY-MM-DD (UTC, as the API counts days). */
  day: string;
  tokens: number;
  calls: number;
  costCents: number;
}

const DAY_MS = 86_400_000;

function utcDay(iso: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : time;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function count(value: number | undefined | null): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : 0;
}

/** The most days a chart draws (a longer range keeps its last days). */
export const MAX_DAYS = 366;

/**
 * Every day from `from` to `to` (inclusive), in order, with the API's figures where it has some
 * and zero elsewhere. Days outside the range are left out; a day listed twice is added up.
 */
export function fillDays(
  from: string | undefined,
  to: string | undefined,
  perDay: readonly Schemas['Day'][] | undefined,
): DayUsage[] {
  const days = perDay ?? [];
  const start = from ? utcDay(from) : undefined;
  const end = to ? utcDay(to) : undefined;
  const known = days.map((d) => (d.day ? utcDay(d.day) : undefined)).filter((t) => t !== undefined);
  const first = start ?? (known.length ? Math.min(...known) : undefined);
  const last = end ?? (known.length ? Math.max(...known) : undefined);
  if (first === undefined || last === undefined || last < first) return [];

  const byDay = new Map<string, DayUsage>();
  for (const d of days) {
    if (!d.day) continue;
    const previous = byDay.get(d.day);
    byDay.set(d.day, {
      day: d.day,
      tokens: (previous?.tokens ?? 0) + count(d.tokens),
      calls: (previous?.calls ?? 0) + count(d.calls),
      costCents: (previous?.costCents ?? 0) + count(d.cost_cents),
    });
  }
  const result: DayUsage[] = [];
  const from0 = Math.max(first, last - (MAX_DAYS - 1) * DAY_MS);
  for (let time = from0; time <= last; time += DAY_MS) {
    const day = isoDay(time);
    result.push(byDay.get(day) ?? { day, tokens: 0, calls: 0, costCents: 0 });
  }
  return result;
}

/** The top of the scale: the smallest 1, 2 or 5 × 10ⁿ at or above the highest value (at least 1). */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/** Gridline values from 0 to the top: 0, half, top (whole numbers only). */
export function ticks(top: number): number[] {
  const half = top / 2;
  return Number.isInteger(half) && half > 0 ? [0, half, top] : [0, top];
}

/** The metric a member sees first: tokens, unless every call was free (then the calls). */
export function defaultMetric(days: readonly DayUsage[]): Metric {
  const tokens = days.reduce((sum, d) => sum + d.tokens, 0);
  const calls = days.reduce((sum, d) => sum + d.calls, 0);
  return tokens === 0 && calls > 0 ? 'calls' : 'tokens';
}

export interface Bar {
  day: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  top: number;
  bars: Bar[];
  /** Gridlines: value and y. */
  grid: { value: number; y: number }[];
}

/**
 * Bars in a width × height box (SVG user units), the baseline at the bottom. A day with any usage
 * is at least 2 units tall, so it never disappears next to a much larger one.
 */
export function layoutBars(
  days: readonly DayUsage[],
  metric: Metric,
  width = 600,
  height = 160,
): ChartLayout {
  const values = days.map((d) => d[metric]);
  const top = niceMax(Math.max(0, ...values));
  const slot = days.length > 0 ? width / days.length : width;
  const gap = Math.min(4, slot * 0.2);
  const bars = days.map((d, i) => {
    const value = d[metric];
    const raw = (value / top) * height;
    const barHeight = value > 0 ? Math.max(2, raw) : 0;
    return {
      day: d.day,
      value,
      x: i * slot + gap / 2,
      y: height - barHeight,
      width: Math.max(1, slot - gap),
      height: barHeight,
    };
  });
  const grid = ticks(top).map((value) => ({ value, y: height - (value / top) * height }));
  return { width, height, top, bars, grid };
}

/** One per action_type of the API: a new one breaks typecheck until it is named here. */
const ACTION_LABELS: Record<NonNullable<Schemas['TokenUsage']['action_type']>, string> = {
  chat_conversation: 'VIVA conversations',
  audio_generation: 'Narration',
  audio_transcription: 'Transcripts',
  image_generation: 'Images',
  vision_generation: 'Vision writing',
  vision_refinement: 'Vision refinement',
  blueprint_generation: 'Blueprints',
  assessment_scoring: 'Assessment scoring',
};

export function actionLabel(key: string | undefined | null): string {
  if (!key) return 'Other';
  return (ACTION_LABELS as Record<string, string>)[key] ?? key.replace(/_/g, ' ');
}

/** "6 Dec" for a YYYY-MM-DD day, read as that calendar day (never shifted by the time zone). */
export function shortDay(day: string, locale?: string): string {
  const time = utcDay(day);
  if (time === undefined) return day;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(time));
}
