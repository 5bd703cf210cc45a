import { describe, expect, it } from 'vitest';
import { acceptFor, essentialType, fileErrorOf, fileProblem } from './mediaFiles';
import type { UiError } from './problem';

const MB = 1024 * 1024;

describe('essentialType', () => {
  it('drops parameters and case', () => {
    expect(essentialType('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(essentialType(' Image/PNG ')).toBe('image/png');
    expect(essentialType('')).toBe('');
  });
});

describe('fileProblem', () => {
  it('accepts what media-service accepts', () => {
    expect(fileProblem({ type: 'image/png', size: 68 }, 'vision_board_image')).toBeUndefined();
    expect(fileProblem({ type: 'image/jpeg', size: 10 * MB }, 'journal_image')).toBeUndefined();
    expect(
      fileProblem({ type: 'audio/webm;codecs=opus', size: 5000 }, 'journal_audio'),
    ).toBeUndefined();
  });

  it('refuses another type, naming it and what would do', () => {
    expect(fileProblem({ type: 'text/plain', size: 10 }, 'vision_board_image')).toBe(
      "That file is text/plain, which can't be used here. A JPEG, PNG, WebP or HEIC image, up to 10 MB.",
    );
    expect(fileProblem({ type: 'image/png', size: 10 }, 'journal_audio')).toMatch(/image\/png/);
    expect(fileProblem({ type: '', size: 10 }, 'journal_image')).toMatch(/type is unknown/);
  });

  it('refuses a file that is too large or empty', () => {
    expect(fileProblem({ type: 'image/png', size: 10 * MB + 1 }, 'journal_image')).toBe(
      'That file is 10.1 MB; the largest is 10 MB.',
    );
    expect(fileProblem({ type: 'image/png', size: 12.5 * MB }, 'journal_image')).toBe(
      'That file is 12.5 MB; the largest is 10 MB.',
    );
    expect(fileProblem({ type: 'audio/wav', size: 51 * MB }, 'journal_audio')).toMatch(
      /largest is 50 MB/,
    );
    expect(fileProblem({ type: 'image/png', size: 0 }, 'journal_image')).toMatch(/empty/);
  });
});

describe('acceptFor', () => {
  it('lists the accepted types', () => {
    expect(acceptFor('vision_board_image')).toBe('image/jpeg,image/png,image/webp,image/heic');
  });
});

describe('fileErrorOf', () => {
  const base: UiError = {
    kind: 'validation',
    title: 't',
    message: 'm',
    fieldErrors: {},
    retryable: false,
  };

  it('joins the server words about type and size', () => {
    expect(
      fileErrorOf({
        ...base,
        fieldErrors: { content_type: "'text/plain' is not accepted", size_bytes: 'at most 10 MB' },
      }),
    ).toBe("'text/plain' is not accepted; at most 10 MB");
    expect(fileErrorOf({ ...base, fieldErrors: { size_bytes: 'at most 10 MB' } })).toBe(
      'At most 10 MB',
    );
  });

  it('is undefined when the failure was not about the file', () => {
    expect(fileErrorOf({ ...base, kind: 'offline', retryable: true })).toBeUndefined();
  });
});
