import { describe, expect, it } from 'vitest';
import type { UiError } from '../../api/problem';
import {
  canStart,
  clockText,
  isBusy,
  microphoneProblem,
  pickMimeType,
  recordedSeconds,
  voiceReducer,
  voiceWords,
  type VoiceEvent,
  type VoiceState,
} from './recorder';

const error: UiError = {
  kind: 'offline',
  title: 'Offline',
  message: 'No network',
  fieldErrors: {},
  retryable: true,
};

function run(events: VoiceEvent[], from: VoiceState = { kind: 'idle' }): VoiceState {
  return events.reduce(voiceReducer, from);
}

describe('voiceReducer', () => {
  it('goes from asking to recording, uploading, saving and done', () => {
    expect(run([{ type: 'ask' }])).toEqual({ kind: 'asking' });
    expect(run([{ type: 'ask' }, { type: 'granted', at: 1000 }])).toEqual({
      kind: 'recording',
      startedAt: 1000,
    });
    const stopped = run([
      { type: 'ask' },
      { type: 'granted', at: 1000 },
      { type: 'stop', at: 3140 },
    ]);
    expect(stopped).toEqual({ kind: 'stopping', seconds: 2.1 });
    const uploading = run([{ type: 'recorded' }, { type: 'progress', percent: 40 }], stopped);
    expect(uploading).toEqual({ kind: 'uploading', seconds: 2.1, percent: 40 });
    expect(run([{ type: 'progress', percent: 20 }], uploading), 'never goes back').toEqual(
      uploading,
    );
    expect(run([{ type: 'progress', percent: 140 }], uploading)).toMatchObject({ percent: 100 });
    expect(run([{ type: 'uploaded' }, { type: 'saved' }], uploading)).toEqual({
      kind: 'done',
      seconds: 2.1,
    });
  });

  it('says so in words when the microphone is refused or missing', () => {
    const refused = run([{ type: 'ask' }, { type: 'refused', reason: 'NotAllowedError' }]);
    expect(refused.kind).toBe('unavailable');
    expect(voiceWords(refused, 0)).toMatch(/Microphone access was not allowed/);
    expect(voiceWords(refused, 0)).toMatch(/still write your entry/);
    expect(run([{ type: 'unsupported' }])).toEqual({
      kind: 'unavailable',
      message: microphoneProblem('unsupported'),
    });
    // Trying again after allowing it is possible.
    expect(canStart(refused)).toBe(true);
    expect(run([{ type: 'ask' }], refused)).toEqual({ kind: 'asking' });
  });

  it('ignores events that make no sense in a state', () => {
    expect(run([{ type: 'stop', at: 5 }])).toEqual({ kind: 'idle' });
    expect(run([{ type: 'granted', at: 5 }])).toEqual({ kind: 'idle' });
    expect(run([{ type: 'uploaded' }, { type: 'saved' }])).toEqual({ kind: 'idle' });
    const recording: VoiceState = { kind: 'recording', startedAt: 0 };
    expect(run([{ type: 'ask' }], recording), 'no second recording at once').toBe(recording);
    expect(run([{ type: 'failed', error }])).toEqual({ kind: 'idle' });
  });

  it('fails from any step in flight, and starts again after', () => {
    const failed = run([{ type: 'failed', error }], { kind: 'uploading', seconds: 2, percent: 10 });
    expect(failed).toEqual({ kind: 'failed', error });
    expect(canStart(failed)).toBe(true);
    expect(run([{ type: 'reset' }], failed)).toEqual({ kind: 'idle' });
  });

  it('knows when something is in flight', () => {
    expect(isBusy({ kind: 'recording', startedAt: 0 })).toBe(true);
    expect(isBusy({ kind: 'saving', seconds: 1 })).toBe(true);
    expect(isBusy({ kind: 'done', seconds: 1 })).toBe(false);
    expect(canStart({ kind: 'uploading', seconds: 1, percent: 0 })).toBe(false);
  });
});

describe('voiceWords', () => {
  it('shows the running clock while recording', () => {
    expect(voiceWords({ kind: 'recording', startedAt: 1000 }, 63_500)).toBe('Recording… 1:02');
    expect(voiceWords({ kind: 'uploading', seconds: 2, percent: 55 }, 0)).toBe(
      'Uploading the recording: 55%',
    );
    expect(voiceWords({ kind: 'done', seconds: 2.1 }, 0)).toBe('Recording added (0:02).');
  });
});

describe('times', () => {
  it('rounds recorded seconds to a tenth, never negative', () => {
    expect(recordedSeconds(1000, 3049)).toBe(2);
    expect(recordedSeconds(1000, 3051)).toBe(2.1);
    expect(recordedSeconds(3000, 1000)).toBe(0);
  });

  it('writes a clock', () => {
    expect(clockText(2.9)).toBe('0:02');
    expect(clockText(65)).toBe('1:05');
    expect(clockText(720)).toBe('12:00');
    expect(clockText(Number.POSITIVE_INFINITY)).toBe('0:00');
  });
});

describe('microphoneProblem', () => {
  it('tells missing from refused', () => {
    expect(microphoneProblem('NotFoundError')).toMatch(/No microphone was found/);
    expect(microphoneProblem('NotReadableError')).toMatch(/another app/);
    expect(microphoneProblem('Whatever')).toMatch(/could not be used/);
  });
});

describe('pickMimeType', () => {
  it('takes the first type the browser supports', () => {
    expect(pickMimeType(() => true)).toBe('audio/webm;codecs=opus');
    expect(pickMimeType((type) => type.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(pickMimeType((type) => type === 'audio/mp4')).toBe('audio/mp4');
    expect(pickMimeType(() => false)).toBeUndefined();
    expect(
      pickMimeType(() => {
        throw new Error('old browser');
      }),
    ).toBeUndefined();
  });
});
