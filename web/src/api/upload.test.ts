import { describe, expect, it } from 'vitest';
import { headersToSend, isForbiddenHeader, uploadPercent } from './upload';

describe('upload headers', () => {
  it('sends every header of the ticket but those the browser sets itself', () => {
    expect(
      headersToSend({
        'content-length': '68',
        'content-type': 'image/png',
        'if-none-match': '*',
        Host: 'x',
        'x-amz-meta-a': 'b',
      }),
    ).toEqual([
      ['content-type', 'image/png'],
      ['if-none-match', '*'],
      ['x-amz-meta-a', 'b'],
    ]);
    expect(headersToSend(undefined)).toEqual([]);
  });

  it('knows the forbidden names, in any case', () => {
    expect(isForbiddenHeader('Content-Length')).toBe(true);
    expect(isForbiddenHeader('Proxy-Authorization')).toBe(true);
    expect(isForbiddenHeader('Sec-Fetch-Mode')).toBe(true);
    expect(isForbiddenHeader('Content-Type')).toBe(false);
    expect(isForbiddenHeader('If-None-Match')).toBe(false);
  });
});

describe('uploadPercent', () => {
  it('is a whole percent within 0-100', () => {
    expect(uploadPercent(0, 200)).toBe(0);
    expect(uploadPercent(50, 200)).toBe(25);
    expect(uploadPercent(200, 200)).toBe(100);
    expect(uploadPercent(300, 200)).toBe(100);
    expect(uploadPercent(5, 0)).toBe(0);
  });
});
