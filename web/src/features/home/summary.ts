/**
 * What the home screen shows, reduced from the API's answers to what a member needs to see.
 * Pure: the screen loads, these functions decide.
 */
import type { Schemas } from '../../api/client';
import { isLifeCategory, LIFE_CATEGORIES, type LifeCategory } from '../../ui/lifeCategories';

export type VisionSummary =
  | { kind: 'active'; id?: string; title: string; completion: number; updatedAt?: string }
  | { kind: 'draft'; id?: string; title: string; completion: number }
  | { kind: 'none' };

export interface TokenSummary {
  remaining: number;
  monthlyDrip: number;
  nextDripAt?: string;
  /** Below 20 % of the monthly drip (where auto top-up starts), or none left. */
  low: boolean;
}

export interface JournalSummary {
  currentStreak: number;
  longestStreak: number;
  totalEntries: number;
  wroteToday: boolean;
}

export interface GreenLineSummary {
  inProgress: { answered: number; total: number } | null;
  latest: {
    completedAt?: string;
    overall?: number;
    above: LifeCategory[];
    transition: LifeCategory[];
    below: LifeCategory[];
  } | null;
}

function percent(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

export function visionSummary(
  active: Schemas['VisionView'] | null,
  draft: Schemas['VisionView'] | null,
): VisionSummary {
  if (active) {
    return {
      kind: 'active',
      id: active.id,
      title: active.title?.trim() || 'My Life Vision',
      completion: percent(active.completion_percentage),
      ...(active.updated_at ? { updatedAt: active.updated_at } : {}),
    };
  }
  if (draft) {
    return {
      kind: 'draft',
      id: draft.id,
      title: draft.title?.trim() || 'My Life Vision',
      completion: percent(draft.completion_percentage),
    };
  }
  return { kind: 'none' };
}

export function tokenSummary(balance: Schemas['TokenBalance']): TokenSummary {
  const remaining = Math.max(0, balance.remaining ?? 0);
  const monthlyDrip = Math.max(0, balance.monthly_drip ?? 0);
  return {
    remaining,
    monthlyDrip,
    ...(balance.next_drip_at ? { nextDripAt: balance.next_drip_at } : {}),
    low: remaining === 0 || (monthlyDrip > 0 && remaining < monthlyDrip * 0.2),
  };
}

export function journalSummary(
  stats: Schemas['JournalStats'],
  latestEntryDate: string | undefined,
  today: string,
): JournalSummary {
  return {
    currentStreak: Math.max(0, stats.current_streak ?? 0),
    longestStreak: Math.max(0, stats.longest_streak ?? 0),
    totalEntries: Math.max(0, stats.total_entries ?? 0),
    wroteToday: latestEntryDate === today,
  };
}

export function greenLineSummary(
  latestCompleted: Schemas['Assessment'] | null,
  inProgress: Schemas['Assessment'] | null,
): GreenLineSummary {
  const byStatus = (status: string): LifeCategory[] => {
    const statuses = latestCompleted?.green_line_status ?? {};
    // canonical category order, whatever order the map came in
    return LIFE_CATEGORIES.filter((key) => isLifeCategory(key) && statuses[key] === status);
  };
  return {
    inProgress: inProgress
      ? {
          answered: Math.max(0, inProgress.answered_questions ?? 0),
          total: Math.max(1, inProgress.total_questions ?? 84),
        }
      : null,
    latest: latestCompleted
      ? {
          ...(latestCompleted.completed_at ? { completedAt: latestCompleted.completed_at } : {}),
          ...(latestCompleted.overall_percentage !== undefined
            ? { overall: percent(latestCompleted.overall_percentage) }
            : {}),
          above: byStatus('above'),
          transition: byStatus('transition'),
          below: byStatus('below'),
        }
      : null,
  };
}
