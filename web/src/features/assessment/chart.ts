/**
 * The Green Line chart's numbers: each category's score (of 70) on a scale, the Green Line at 56
 * (80 %: above) and the start of the transition band at 42 (60 %), as the assessment-service README
 * defines them. The status of each category is the API's (green_line_status), never recomputed.
 * Pure: the SVG component only draws what these return.
 */
import { categoryLabel } from '../../ui/lifeCategories';

/** A category sums 7 answers worth 2-10. */
export const CATEGORY_MAX = 70;
/** At or above: above the Green Line. */
export const GREEN_LINE = 56;
/** At or above (and below the Green Line): transition. */
export const TRANSITION_FROM = 42;

export type LineStatus = 'above' | 'transition' | 'below';

export function isLineStatus(value: unknown): value is LineStatus {
  return value === 'above' || value === 'transition' || value === 'below';
}

export const STATUS_LABELS: Record<LineStatus, string> = {
  above: 'Above the Green Line',
  transition: 'In transition',
  below: 'Below the Green Line',
};

/** Where a value sits on a scale of `width` units from 0 to max (clamped to the scale). */
export function scaleX(value: number, width: number, max = CATEGORY_MAX): number {
  if (!Number.isFinite(value) || max <= 0 || width <= 0) return 0;
  const clamped = Math.min(max, Math.max(0, value));
  return Math.round((clamped / max) * width * 100) / 100;
}

export interface MeterGeometry {
  width: number;
  height: number;
  /** The bar's length. */
  bar: number;
  /** x of the Green Line. */
  greenLine: number;
  /** x where the transition band starts. */
  transition: number;
}

/** One category's meter: the bar for its score and the two lines, in SVG units. */
export function meterGeometry(score: number, width = 280, height = 28): MeterGeometry {
  return {
    width,
    height,
    bar: scaleX(score, width),
    greenLine: scaleX(GREEN_LINE, width),
    transition: scaleX(TRANSITION_FROM, width),
  };
}

/** Whole percent of a score of max. */
export function percentOf(score: number, max = CATEGORY_MAX): number {
  if (!Number.isFinite(score) || max <= 0) return 0;
  return Math.round((Math.min(max, Math.max(0, score)) * 100) / max);
}

export interface ChartRow {
  key: string;
  label: string;
  score: number;
  percent: number;
  /** Undefined while the category is not fully answered. */
  status?: LineStatus;
}

/** Keys in the given order; keys it does not name keep their own order, after those it names. */
export function inOrder(keys: string[], order: readonly string[]): string[] {
  const rank = (key: string) => {
    const at = order.indexOf(key);
    return at === -1 ? order.length : at;
  };
  return keys
    .map((key, index) => ({ key, index }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.index - b.index)
    .map(({ key }) => key);
}

/**
 * The rows of the chart, in the bank's category order (`order`, from GET /assessments/questions):
 * the API's category_scores map does not keep its documented order once completed.
 */
export function chartRows(
  categoryScores: Record<string, number> | undefined,
  statuses: Record<string, string> | undefined,
  order: readonly string[] = [],
): ChartRow[] {
  const scores = categoryScores ?? {};
  return inOrder(Object.keys(scores), order).map((key) => {
    const raw = scores[key] ?? 0;
    const score = Number.isFinite(raw) ? raw : 0;
    const status = statuses?.[key];
    return {
      key,
      label: categoryLabel(key),
      score,
      percent: percentOf(score),
      ...(isLineStatus(status) ? { status } : {}),
    };
  });
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a screen reader hears for one category's meter. */
export function rowDescription(row: ChartRow): string {
  const label = row.status ? STATUS_LABELS[row.status] : 'Not scored yet';
  const status = label.charAt(0).toLowerCase() + label.slice(1);
  return `${row.label}: ${row.score} of ${CATEGORY_MAX} (${row.percent}%), ${status}. The Green Line is at ${GREEN_LINE}.`;
}

/** One sentence for the whole chart. */
export function chartSummary(rows: ChartRow[]): string {
  const above = rows.filter((r) => r.status === 'above').length;
  const transition = rows.filter((r) => r.status === 'transition').length;
  const below = rows.filter((r) => r.status === 'below').length;
  return (
    `${count(above, 'category', 'categories')} above the Green Line, ` +
    `${transition} in transition and ${below} below, of ${rows.length}.`
  );
}
