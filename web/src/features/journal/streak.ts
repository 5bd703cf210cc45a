/** The journal's streak and counts, in words. Pure. */
import type { Schemas } from '../../api/client';

export type JournalStats = Schemas['JournalStats'];

export interface StreakWords {
  current: number;
  /** Beside the big number: "day in a row" / "days in a row". */
  currentUnit: string;
  /** One encouraging line. */
  note: string;
  longest: string;
  total: string;
}

function count(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/**
 * The streak as the server counts it: consecutive days with an entry, ending today or yesterday
 * in the member's time zone (the stats are asked with ?tz=).
 */
export function streakWords(stats: JournalStats | undefined): StreakWords {
  const current = count(stats?.current_streak);
  const longest = Math.max(count(stats?.longest_streak), current);
  const total = count(stats?.total_entries);
  let note: string;
  if (total === 0) note = 'Write your first entry to start a streak.';
  else if (current === 0) note = 'Write today to start a new streak.';
  else if (current >= longest && current > 1) note = 'Your longest streak yet. Keep it going!';
  else note = 'Keep it going: write again tomorrow.';
  return {
    current,
    currentUnit: current === 1 ? 'day in a row' : 'days in a row',
    note,
    longest: `Longest streak: ${days(longest)}`,
    total: `${total} ${total === 1 ? 'entry' : 'entries'} in all`,
  };
}
