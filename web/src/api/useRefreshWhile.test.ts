import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshDelay, refreshRepeatedly } from './useRefreshWhile';

describe('refreshDelay', () => {
  it('asks every few seconds, then less often', () => {
    expect(refreshDelay(0)).toBe(3000);
    expect(refreshDelay(19)).toBe(3000);
    expect(refreshDelay(20)).toBe(30_000);
    expect(refreshDelay(0, 1000)).toBe(1000);
    expect(refreshDelay(50, 60_000)).toBe(60_000);
  });
});

describe('refreshRepeatedly', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks again after each answer, never two at once, until stopped', async () => {
    let answer: () => void = () => undefined;
    const refresh = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          answer = resolve;
        }),
    );
    const repeater = refreshRepeatedly(refresh, { visibilityState: 'visible' }, 1000);

    await vi.advanceTimersByTimeAsync(999);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);

    // a slow answer: no second call while the first is in flight
    await vi.advanceTimersByTimeAsync(5000);
    expect(refresh).toHaveBeenCalledTimes(1);
    answer();
    await vi.advanceTimersByTimeAsync(1000);
    expect(refresh).toHaveBeenCalledTimes(2);

    const signal = (refresh.mock.calls as unknown as [AbortSignal][])[1]?.[0];
    repeater.stop();
    expect(signal?.aborted).toBe(true);
    answer();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('keeps going after a failed answer, and waits while the page is hidden', async () => {
    const doc = { visibilityState: 'hidden' as DocumentVisibilityState };
    const refresh = vi.fn(() => Promise.reject(new Error('offline')));
    const repeater = refreshRepeatedly(refresh, doc, 1000);

    await vi.advanceTimersByTimeAsync(5000);
    expect(refresh).not.toHaveBeenCalled();

    doc.visibilityState = 'visible';
    await vi.advanceTimersByTimeAsync(1000);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(refresh).toHaveBeenCalledTimes(2);
    repeater.stop();
  });
});
