/**
 * The words of a comparison of two completed assessments: the change of a score and a Green Line
 * crossed up or down. Pure.
 */
import { categoryLabel } from '../../ui/lifeCategories';
import { isLineStatus, STATUS_LABELS, type LineStatus } from './chart';
import type { Comparison } from './api';

/** "+8", "−4" (a true minus sign), or "no change". */
export function changeText(change: number): string {
  if (!Number.isFinite(change) || change === 0) return 'no change';
  return change > 0 ? `+${change}` : `\u2212${Math.abs(change)}`;
}

/** The spoken form: "up 8 points", "down 1 point", "no change". */
export function changeWords(change: number): string {
  if (!Number.isFinite(change) || change === 0) return 'no change';
  const points = Math.abs(change) === 1 ? 'point' : 'points';
  return `${change > 0 ? 'up' : 'down'} ${Math.abs(change)} ${points}`;
}

export type Direction = 'up' | 'down' | 'same';

export function directionOf(change: number): Direction {
  if (!Number.isFinite(change) || change === 0) return 'same';
  return change > 0 ? 'up' : 'down';
}

/**
 * What happened to the category's Green Line status, from the API's `crossed` (up/down when the
 * status changed, else null) and the two statuses.
 */
export function crossedText(
  crossed: string | null | undefined,
  fromStatus: string | null | undefined,
  toStatus: string | null | undefined,
): string {
  const to = isLineStatus(toStatus) ? toStatus : undefined;
  if (crossed === 'up') {
    if (to === 'above') return 'Rose above the Green Line';
    if (to === 'transition') return 'Moved up into transition';
    return 'Moved up';
  }
  if (crossed === 'down') {
    if (to === 'below') return 'Dropped below the Green Line';
    if (to === 'transition') return 'Slipped into transition';
    return 'Moved down';
  }
  if (to && fromStatus === toStatus) return `Still ${lower(STATUS_LABELS[to])}`;
  return 'Status unchanged';
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export interface ComparisonRow {
  key: string;
  label: string;
  from: number;
  to: number;
  change: number;
  changeText: string;
  direction: Direction;
  fromStatus?: LineStatus;
  toStatus?: LineStatus;
  crossed?: 'up' | 'down';
  crossedText: string;
}

export function comparisonRows(comparison: Comparison): ComparisonRow[] {
  return (comparison.categories ?? []).map((c) => {
    const from = c.from_score ?? 0;
    const to = c.to_score ?? 0;
    const change = c.change ?? to - from;
    const crossed = c.crossed === 'up' || c.crossed === 'down' ? c.crossed : undefined;
    return {
      key: c.category,
      label: categoryLabel(c.category),
      from,
      to,
      change,
      changeText: changeText(change),
      direction: directionOf(change),
      ...(isLineStatus(c.from_status) ? { fromStatus: c.from_status } : {}),
      ...(isLineStatus(c.to_status) ? { toStatus: c.to_status } : {}),
      ...(crossed ? { crossed } : {}),
      crossedText: crossedText(c.crossed, c.from_status, c.to_status),
    };
  });
}

/** One sentence about the whole comparison. */
export function comparisonSummary(comparison: Comparison): string {
  const rows = comparisonRows(comparison);
  const up = rows.filter((r) => r.crossed === 'up').length;
  const down = rows.filter((r) => r.crossed === 'down').length;
  const total =
    comparison.total_change ?? (comparison.to_total ?? 0) - (comparison.from_total ?? 0);
  const moves =
    up + down === 0
      ? 'No category changed its Green Line status.'
      : `${up} ${up === 1 ? 'category' : 'categories'} moved up a band, ${down} moved down.`;
  return `Total score ${comparison.from_total ?? 0} → ${comparison.to_total ?? 0} of 840 (${changeWords(total)}). ${moves}`;
}
