/** The insights of an assessment, grouped by kind in the order a member reads them. Pure. */
import type { Insight } from './api';

export type InsightType = 'strength' | 'growth_area' | 'pattern' | 'recommendation';

const ORDER: { type: InsightType; heading: string }[] = [
  { type: 'strength', heading: 'Strengths' },
  { type: 'growth_area', heading: 'Growth areas' },
  { type: 'pattern', heading: 'Patterns' },
  { type: 'recommendation', heading: 'Next steps' },
];

export interface InsightGroup {
  type: InsightType;
  heading: string;
  /** In the API's order (highest confidence first). */
  insights: Insight[];
}

/** Groups in a fixed order; empty groups and insights of an unknown type are left out. */
export function groupInsights(insights: Insight[]): InsightGroup[] {
  return ORDER.map(({ type, heading }) => ({
    type,
    heading,
    insights: insights.filter((insight) => insight.insight_type === type),
  })).filter((group) => group.insights.length > 0);
}
