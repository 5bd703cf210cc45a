/**
 * What the VIVA screen says about threads and replies: modes, what a reply was grounded in, what
 * it cost, and a refusal for want of tokens. Pure.
 */
import type { UiError } from '../../api/problem';
import { formatNumber } from '../../ui/format';
import { categoryLabel } from '../../ui/lifeCategories';
import type { Message } from './reply';

export const MODES = ['coach', 'vision_builder', 'refinement', 'master'] as const;
export type Mode = (typeof MODES)[number];

export const MODE_LABELS: Record<Mode, string> = {
  coach: 'Coach',
  vision_builder: 'Vision builder',
  refinement: 'Refinement',
  master: 'Master',
};

export const MODE_HINTS: Record<Mode, string> = {
  coach: 'Small, concrete next steps toward what you wrote.',
  vision_builder: 'Find the words for an area you have not written yet.',
  refinement: 'Sharpen sentences that do not feel true yet.',
  master: 'Look across all twelve areas at once.',
};

export function modeLabel(mode: string | undefined | null): string {
  return mode && mode in MODE_LABELS ? MODE_LABELS[mode as Mode] : 'Coach';
}

/** A thread's name: its title, else (a new thread) its mode and area. */
export function threadTitle(thread: {
  title?: string | null;
  mode?: string | null;
  category?: string | null;
}): string {
  const title = thread.title?.trim();
  if (title) return title;
  const area = thread.category ? ` · ${categoryLabel(thread.category)}` : '';
  return `New ${modeLabel(thread.mode).toLowerCase()} conversation${area}`;
}

function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * What a reply was based on, from its `context.grounding` (ids and versions, never the data): one
 * line per source. Empty when VIVA had nothing of the member's to go on.
 */
export function groundingLines(context: unknown): string[] {
  const grounding = record(record(context).grounding);
  const lines: string[] = [];
  if (typeof grounding.profile_version === 'number') {
    lines.push(`Your profile (version ${grounding.profile_version})`);
  } else if (grounding.profile_version !== undefined && grounding.profile_version !== null) {
    lines.push('Your profile');
  }
  if (typeof grounding.vision_id === 'string') {
    lines.push(
      typeof grounding.vision_version === 'number'
        ? `Your Life Vision (version ${grounding.vision_version})`
        : 'Your Life Vision',
    );
  }
  if (typeof grounding.assessment_id === 'string') {
    const below = Array.isArray(grounding.below_green_line)
      ? grounding.below_green_line.filter((key): key is string => typeof key === 'string')
      : [];
    lines.push(
      below.length > 0
        ? `Your latest assessment: below the Green Line in ${below.map(categoryLabel).join(', ')}`
        : 'Your latest assessment: no area below the Green Line',
    );
  }
  return lines;
}

export const NO_GROUNDING =
  'Only your message: VIVA has no profile, Life Vision or assessment of yours to draw on yet.';

/** What a reply cost: "0 tokens · offline coach", "869 tokens (812 in, 57 out) · gpt-4o-mini". */
export function usageLine(
  message: Pick<Message, 'tokens_used' | 'input_tokens' | 'output_tokens' | 'model'> & {
    context?: unknown;
  },
): string {
  const tokens = message.tokens_used ?? 0;
  const input = message.input_tokens;
  const output = message.output_tokens;
  const split =
    tokens > 0 && typeof input === 'number' && typeof output === 'number'
      ? ` (${formatNumber(input)} in, ${formatNumber(output)} out)`
      : '';
  const offline = record(message.context).offline === true || message.model === 'offline-coach';
  const who = offline ? 'offline coach, free' : message.model ? message.model : '';
  return `${plural(tokens, 'token', 'tokens')}${split}${who ? ` · ${who}` : ''}`;
}

/**
 * A refusal for want of tokens, in words: "This reply needs 1,312 tokens; you have 40." Null when
 * the error is not a 402.
 */
export function paymentMessage(error: UiError | null | undefined): string | null {
  if (!error || error.kind !== 'payment') return null;
  if (!error.tokens) return "You don't have enough tokens for this reply right now.";
  const { required, remaining } = error.tokens;
  return `This reply needs ${plural(required, 'token', 'tokens')}; you have ${formatNumber(remaining)}.`;
}

/** Enter sends; Shift+Enter (and Enter while an input method is composing) is a new line. */
export function sendsOnKey(event: {
  key: string;
  shiftKey: boolean;
  isComposing?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}): boolean {
  if (event.key !== 'Enter' || event.isComposing) return false;
  if (event.shiftKey || event.altKey) return false;
  return true;
}
