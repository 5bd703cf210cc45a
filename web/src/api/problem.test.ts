import { describe, expect, it } from 'vitest';
import {
  ApiFailure,
  parseRetryAfter,
  problemToUiError,
  responseToUiError,
  toUiError,
  type ProblemDocument,
} from './problem';

const NOW = Date.parse('2025-01-01T12:00:00Z');

function problem(status: number, extra: Partial<ProblemDocument> = {}): ProblemDocument {
  return {
    type: 'https://api.vibrationfit.com/problems/x',
    title: 'T',
    status,
    detail: 'd',
    ...extra,
  };
}

function problemResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

describe('problemToUiError', () => {
  it('maps a 400 with field errors to validation, keyed by JSON field name', () => {
    const ui = problemToUiError(
      400,
      problem(400, {
        errors: [
          { field: 'title', message: 'must not be blank' },
          { field: 'sections[1].text', message: 'too long' },
          { field: 'title', message: 'too short' },
        ],
      }),
    );
    expect(ui.kind).toBe('validation');
    expect(ui.retryable).toBe(false);
    expect(ui.fieldErrors).toEqual({
      title: 'must not be blank; too short',
      'sections[1].text': 'too long',
    });
    expect(ui.message).toBe('2 fields need a change before this can be saved.');
  });

  it('uses the server detail for a 422 without field errors', () => {
    const ui = problemToUiError(
      422,
      problem(422, { detail: 'copy_from names no vision of yours' }),
    );
    expect(ui.kind).toBe('validation');
    expect(ui.message).toBe('Copy_from names no vision of yours');
    expect(ui.fieldErrors).toEqual({});
  });

  it('says how many tokens a 402 needs and how many the member has', () => {
    const ui = problemToUiError(402, problem(402, { remaining: 12, required: 1500 }));
    expect(ui.kind).toBe('payment');
    expect(ui.message).toBe('This needs 1500 tokens; you have 12.');
    expect(ui.tokens).toEqual({ required: 1500, remaining: 12 });
    expect(ui.retryable).toBe(false);
  });

  it('accepts needed/balance as the 402 numbers too, and copes without numbers', () => {
    expect(problemToUiError(402, { status: 402, needed: 1, balance: 0 }).message).toBe(
      'This needs 1 token; you have 0.',
    );
    const bare = problemToUiError(402, 'Payment Required');
    expect(bare.kind).toBe('payment');
    expect(bare.tokens).toBeUndefined();
    expect(bare.message).toMatch(/enough tokens/);
  });

  it('maps 409 to conflict and 412 to stale', () => {
    expect(problemToUiError(409, problem(409, { detail: 'the vision is complete' }))).toMatchObject(
      {
        kind: 'conflict',
        message: 'The vision is complete',
      },
    );
    expect(problemToUiError(412, problem(412)).kind).toBe('stale');
  });

  it('maps 404 to not-found and 401/403 to auth', () => {
    expect(problemToUiError(404, problem(404)).kind).toBe('not-found');
    expect(problemToUiError(401, undefined).kind).toBe('auth');
    expect(problemToUiError(403, problem(403)).kind).toBe('auth');
  });

  it('reads Retry-After seconds on 429 and says when to retry', () => {
    const ui = problemToUiError(429, problem(429), new Headers({ 'Retry-After': '7' }), NOW);
    expect(ui).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterSeconds: 7 });
    expect(ui.message).toContain('7 seconds');
  });

  it('treats 5xx as retryable server errors without echoing internals', () => {
    const ui = problemToUiError(
      500,
      problem(500, { detail: 'NullPointerException at x.Y.z(Y.java:1)' }),
    );
    expect(ui).toMatchObject({ kind: 'server', retryable: true });
    expect(ui.message).not.toContain('NullPointer');
    const unavailable = problemToUiError(503, undefined, new Headers({ 'Retry-After': '2' }), NOW);
    expect(unavailable).toMatchObject({ kind: 'server', retryable: true, retryAfterSeconds: 2 });
    expect(unavailable.message).toContain('2 seconds');
  });

  it('handles a non-JSON 502 from a proxy', () => {
    const ui = problemToUiError(502, '<html><body>Bad Gateway</body></html>');
    expect(ui.kind).toBe('server');
    expect(ui.message).not.toContain('<html>');
  });
});

describe('responseToUiError', () => {
  it('parses a problem+json body', async () => {
    const ui = await responseToUiError(
      problemResponse(
        400,
        problem(400, { errors: [{ field: 'q', message: 'control character' }] }),
      ),
    );
    expect(ui.fieldErrors).toEqual({ q: 'control character' });
  });

  it('survives an empty or non-JSON body', async () => {
    expect((await responseToUiError(new Response(null, { status: 500 }))).kind).toBe('server');
    expect((await responseToUiError(new Response('oops', { status: 418 }))).kind).toBe('other');
  });

  it('reads Retry-After from the response', async () => {
    const ui = await responseToUiError(problemResponse(429, problem(429), { 'Retry-After': '3' }));
    expect(ui.retryAfterSeconds).toBe(3);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores junk', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter('0', NOW)).toBe(1);
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:30 GMT', NOW)).toBe(30);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
});

describe('toUiError', () => {
  it('turns a fetch network failure into a retryable offline error', () => {
    const ui = toUiError(new TypeError('Failed to fetch'));
    expect(ui).toMatchObject({ kind: 'offline', retryable: true });
  });

  it('says offline when the browser knows it is offline', () => {
    expect(toUiError(new Error('x'), false).message).toMatch(/offline/);
  });

  it('passes an ApiFailure through', () => {
    const ui = problemToUiError(404, undefined);
    expect(toUiError(new ApiFailure(ui))).toBe(ui);
  });

  it('never throws on odd values', () => {
    expect(toUiError(undefined).kind).toBe('other');
    expect(toUiError('boom').kind).toBe('other');
  });
});
