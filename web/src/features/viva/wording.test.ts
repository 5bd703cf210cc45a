import { describe, expect, it } from 'vitest';
import { problemToUiError } from '../../api/problem';
import { groundingLines, paymentMessage, sendsOnKey, threadTitle, usageLine } from './wording';

describe('paymentMessage (402)', () => {
  it('says what the reply needs and what remains', () => {
    const error = problemToUiError(402, {
      type: 'https://api.vibrationfit.com/problems/insufficient-tokens',
      title: 'Payment Required',
      status: 402,
      remaining: 40,
      required: 1312,
    });
    expect(paymentMessage(error)).toBe('This reply needs 1,312 tokens; you have 40.');
  });

  it('says it plainly without the numbers, and nothing for other errors', () => {
    expect(paymentMessage(problemToUiError(402, { status: 402 }))).toBe(
      "You don't have enough tokens for this reply right now.",
    );
    expect(paymentMessage(problemToUiError(400, { status: 400 }))).toBeNull();
    expect(paymentMessage(null)).toBeNull();
  });

  it('uses the singular for one token', () => {
    const error = problemToUiError(402, { status: 402, remaining: 0, required: 1 });
    expect(paymentMessage(error)).toBe('This reply needs 1 token; you have 0.');
  });
});

describe('groundingLines', () => {
  it('names each source of a reply', () => {
    expect(
      groundingLines({
        mode: 'coach',
        grounding: {
          profile_version: 3,
          vision_id: 'v',
          vision_version: 2,
          assessment_id: 'a',
          below_green_line: ['money', 'health'],
        },
      }),
    ).toEqual([
      'Your profile (version 3)',
      'Your Life Vision (version 2)',
      'Your latest assessment: below the Green Line in Money & Wealth, Health & Vitality',
    ]);
  });

  it('says an assessment had nothing below the line', () => {
    expect(groundingLines({ grounding: { assessment_id: 'a', below_green_line: [] } })).toEqual([
      'Your latest assessment: no area below the Green Line',
    ]);
  });

  it('is empty when there was nothing to go on, or no context at all', () => {
    expect(groundingLines({ grounding: {} })).toEqual([]);
    expect(groundingLines(undefined)).toEqual([]);
    expect(groundingLines('nonsense')).toEqual([]);
  });
});

describe('usageLine', () => {
  it('shows tokens with their split and model', () => {
    expect(
      usageLine({ tokens_used: 869, input_tokens: 812, output_tokens: 57, model: 'gpt-4o-mini' }),
    ).toBe('869 tokens (812 in, 57 out) · gpt-4o-mini');
  });

  it('says the offline coach is free', () => {
    expect(
      usageLine({
        tokens_used: 0,
        input_tokens: 0,
        output_tokens: 0,
        model: 'offline-coach',
        context: { offline: true },
      }),
    ).toBe('0 tokens · offline coach, free');
  });
});

describe('threadTitle', () => {
  it('uses the title, else the mode and area', () => {
    expect(threadTitle({ title: ' Health ', mode: 'coach' })).toBe('Health');
    expect(threadTitle({ title: null, mode: 'refinement', category: 'health' })).toBe(
      'New refinement conversation · Health & Vitality',
    );
    expect(threadTitle({ mode: 'unknown' })).toBe('New coach conversation');
  });
});

describe('sendsOnKey', () => {
  it('sends on Enter only', () => {
    expect(sendsOnKey({ key: 'Enter', shiftKey: false })).toBe(true);
    expect(sendsOnKey({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(sendsOnKey({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
    expect(sendsOnKey({ key: 'Enter', shiftKey: false, altKey: true })).toBe(false);
    expect(sendsOnKey({ key: 'a', shiftKey: false })).toBe(false);
  });
});
