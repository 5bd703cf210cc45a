/**
 * "What to do next" on the home screen, derived from what the member has done so far. Pure, so
 * that the rules are tested without a browser. A part that failed to load is undefined: the
 * rules that need it are skipped rather than guessed.
 */
import { categoryLabel } from '../../ui/lifeCategories';
import { formatDate, formatNumber } from '../../ui/format';
import type { GreenLineSummary, JournalSummary, TokenSummary, VisionSummary } from './summary';

export interface HomeSnapshot {
  vision?: VisionSummary;
  tokens?: TokenSummary;
  journal?: JournalSummary;
  greenLine?: GreenLineSummary;
}

export interface NextStep {
  id: string;
  title: string;
  why: string;
  /** Where the action button goes. */
  to: string;
  action: string;
  /** Lower comes first. */
  priority: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A Green Line older than this is worth retaking. */
export const RETAKE_AFTER_DAYS = 90;
export const MAX_STEPS = 3;

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function nextSteps(snapshot: HomeSnapshot, now: Date): NextStep[] {
  const { vision, tokens, journal, greenLine } = snapshot;
  const steps: NextStep[] = [];

  if (vision?.kind === 'none') {
    steps.push({
      id: 'vision-start',
      title: 'Write your Life Vision',
      why: 'It is the heart of VibrationFit: the life you choose, in 12 categories, in your own words.',
      to: '/life-vision',
      action: 'Start writing',
      priority: 10,
    });
  } else if (vision?.kind === 'draft') {
    steps.push({
      id: 'vision-finish-draft',
      title: 'Finish your Life Vision',
      why: `Your draft is ${vision.completion}% written. Complete it to make it your active vision.`,
      to: '/life-vision',
      action: 'Continue writing',
      priority: 10,
    });
  } else if (vision?.kind === 'active' && vision.completion < 100) {
    steps.push({
      id: 'vision-round-out',
      title: 'Round out your Life Vision',
      why: `Your active vision is ${vision.completion}% written.`,
      to: '/life-vision',
      action: 'Open your vision',
      priority: 50,
    });
  }

  if (greenLine?.inProgress) {
    const { answered, total } = greenLine.inProgress;
    steps.push({
      id: 'assessment-continue',
      title: 'Finish your Green Line assessment',
      why: `You have answered ${answered} of ${total} questions.`,
      to: '/assessment',
      action: 'Continue',
      priority: 20,
    });
  } else if (greenLine && !greenLine.latest) {
    steps.push({
      id: 'assessment-start',
      title: 'Take the Green Line assessment',
      why: 'See where each area of your life stands today, above or below the Green Line.',
      to: '/assessment',
      action: 'Start the assessment',
      priority: 30,
    });
  } else if (greenLine?.latest) {
    const { below, completedAt } = greenLine.latest;
    if (below.length > 0) {
      const names = below.slice(0, 3).map(categoryLabel);
      const more = below.length > 3 ? ` and ${below.length - 3} more` : '';
      steps.push({
        id: 'assessment-below',
        title: `Give some attention to ${categoryLabel(below[0] ?? '')}`,
        why: `Below the Green Line in your last assessment: ${listOf(names)}${more}.`,
        to: '/assessment',
        action: 'See your insights',
        priority: 35,
      });
    }
    const completed = completedAt ? Date.parse(completedAt) : Number.NaN;
    const age = Math.floor((now.getTime() - completed) / DAY_MS);
    if (Number.isFinite(age) && age >= RETAKE_AFTER_DAYS) {
      steps.push({
        id: 'assessment-retake',
        title: 'Retake the Green Line assessment',
        why: `Your last one was ${days(age)} ago. See what has shifted since.`,
        to: '/assessment',
        action: 'Retake it',
        priority: 45,
      });
    }
  }

  if (journal && !journal.wroteToday) {
    steps.push(
      journal.currentStreak > 0
        ? {
            id: 'journal-keep-streak',
            title: `Keep your ${journal.currentStreak}-day streak going`,
            why: `Write today's journal entry to make it ${days(journal.currentStreak + 1)}.`,
            to: '/journal',
            action: 'Write today',
            priority: 25,
          }
        : {
            id: 'journal-start-streak',
            title: 'Write in your journal',
            why:
              journal.totalEntries === 0
                ? 'A few lines about your day are enough to begin.'
                : 'A few lines today start a new streak.',
            to: '/journal',
            action: 'Write an entry',
            priority: 40,
          },
    );
  }

  if (tokens?.low) {
    const refill = tokens.nextDripAt ? ` More arrive on ${formatDate(tokens.nextDripAt)}.` : '';
    steps.push({
      id: 'tokens-low',
      title: 'Your AI tokens are running low',
      why: `${formatNumber(tokens.remaining)} ${tokens.remaining === 1 ? 'token' : 'tokens'} left.${refill}`,
      to: '/account',
      action: 'See your balance',
      priority: 55,
    });
  }

  // Always something to do: VIVA (when there are tokens for it) and the vision board.
  if (!tokens || tokens.remaining > 0) {
    steps.push({
      id: 'viva',
      title: 'Talk with VIVA',
      why:
        vision?.kind === 'active'
          ? 'Your vision coach can help you go deeper into your vision.'
          : 'Your vision coach can help you find the words for your vision.',
      to: '/viva',
      action: 'Open VIVA',
      priority: 90,
    });
  }
  steps.push({
    id: 'vision-board',
    title: 'Pin a goal on your vision board',
    why: 'Pictures of what you are creating keep it close every day.',
    to: '/vision-board',
    action: 'Open the board',
    priority: 95,
  });

  return steps.sort((a, b) => a.priority - b.priority).slice(0, MAX_STEPS);
}
