import { describe, expect, it } from 'vitest';
import { streakWords } from './streak';

describe('streakWords', () => {
  it('invites a first entry', () => {
    const words = streakWords({ total_entries: 0, current_streak: 0, longest_streak: 0 });
    expect(words.current).toBe(0);
    expect(words.currentUnit).toBe('days in a row');
    expect(words.note).toBe('Write your first entry to start a streak.');
    expect(words.total).toBe('0 entries in all');
    expect(streakWords(undefined).note).toBe('Write your first entry to start a streak.');
  });

  it('says one day, in the singular', () => {
    const words = streakWords({ total_entries: 1, current_streak: 1, longest_streak: 1 });
    expect(words.current).toBe(1);
    expect(words.currentUnit).toBe('day in a row');
    expect(words.longest).toBe('Longest streak: 1 day');
    expect(words.total).toBe('1 entry in all');
    expect(words.note).toBe('Keep it going: write again tomorrow.');
  });

  it('cheers a record and nudges after a break', () => {
    expect(streakWords({ total_entries: 9, current_streak: 5, longest_streak: 5 }).note).toBe(
      'Your longest streak yet. Keep it going!',
    );
    const broken = streakWords({ total_entries: 9, current_streak: 0, longest_streak: 4 });
    expect(broken.note).toBe('Write today to start a new streak.');
    expect(broken.longest).toBe('Longest streak: 4 days');
  });

  it('never shows a longest streak shorter than the current one, nor negatives', () => {
    expect(streakWords({ total_entries: 3, current_streak: 3, longest_streak: 2 }).longest).toBe(
      'Longest streak: 3 days',
    );
    expect(streakWords({ total_entries: -1, current_streak: -2 }).current).toBe(0);
  });
});
