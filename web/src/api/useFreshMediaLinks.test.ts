import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAILED_MEDIA_RETRY_MS, LINK_MAX_AGE_MS, watchMediaLinks } from './useFreshMediaLinks';

/** A stand-in for `document`: an event target whose visibility the test sets. */
function fakeDocument() {
  const target = new EventTarget();
  const doc = Object.assign(target, { visibilityState: 'visible' as DocumentVisibilityState });
  const show = (state: DocumentVisibilityState) => {
    doc.visibilityState = state;
    doc.dispatchEvent(new Event('visibilitychange'));
  };
  return { doc, show };
}

const MINUTE = 60 * 1000;
const img = { nodeName: 'IMG' } as unknown as EventTarget;
const audio = { nodeName: 'AUDIO' } as unknown as EventTarget;
const div = { nodeName: 'DIV' } as unknown as EventTarget;

describe('watchMediaLinks', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-01T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('refreshes when the page comes back after the links aged, not before', () => {
    const { doc, show } = fakeDocument();
    const refresh = vi.fn();
    watchMediaLinks(doc, refresh);

    show('hidden');
    vi.advanceTimersByTime(LINK_MAX_AGE_MS - 1);
    show('visible');
    expect(refresh).not.toHaveBeenCalled();

    show('hidden');
    vi.advanceTimersByTime(1);
    expect(refresh).not.toHaveBeenCalled();
    show('visible');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('restarts the clock after a refresh and when new links come', () => {
    const { doc, show } = fakeDocument();
    const refresh = vi.fn();
    const watcher = watchMediaLinks(doc, refresh);

    vi.advanceTimersByTime(11 * MINUTE);
    show('visible');
    show('visible');
    expect(refresh).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(9 * MINUTE);
    watcher.restart();
    vi.advanceTimersByTime(9 * MINUTE);
    show('visible');
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(MINUTE);
    show('visible');
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('refreshes when a picture or recording fails, at most once a minute', () => {
    const { doc } = fakeDocument();
    const refresh = vi.fn();
    const watcher = watchMediaLinks(doc, refresh);

    watcher.mediaFailed(img);
    expect(refresh).not.toHaveBeenCalled();

    vi.advanceTimersByTime(FAILED_MEDIA_RETRY_MS);
    watcher.mediaFailed(div);
    expect(refresh).not.toHaveBeenCalled();
    watcher.mediaFailed(audio);
    expect(refresh).toHaveBeenCalledTimes(1);
    watcher.mediaFailed(img);
    expect(refresh).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(FAILED_MEDIA_RETRY_MS);
    watcher.mediaFailed(img);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('hears error events on the way down (capture), and nothing once stopped', () => {
    const { doc, show } = fakeDocument();
    const refresh = vi.fn();
    const listen = vi.spyOn(doc, 'addEventListener');
    const watcher = watchMediaLinks(doc, refresh);
    expect(listen).toHaveBeenCalledWith('error', expect.any(Function), true);

    watcher.stop();
    vi.advanceTimersByTime(LINK_MAX_AGE_MS);
    show('visible');
    expect(refresh).not.toHaveBeenCalled();
  });
});
