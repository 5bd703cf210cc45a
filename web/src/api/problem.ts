/**
 * Turns whatever an API call ended with (an RFC 9457 problem document, another error body, a
 * network failure) into a UiError: one shape every screen shows the same way (ErrorNotice,
 * FieldError). Pure: no React, no fetch.
 */

export type UiErrorKind =
  | 'validation'
  | 'conflict'
  | 'stale'
  | 'payment'
  | 'not-found'
  | 'rate-limited'
  | 'auth'
  | 'offline'
  | 'server'
  | 'other';

export interface UiError {
  kind: UiErrorKind;
  /** A short heading, e.g. "Please check the highlighted fields". */
  title: string;
  /** What happened and what to do, in plain words. */
  message: string;
  /** Field (JSON name: snake_case, dotted when nested, [i] for elements) → message. */
  fieldErrors: Record<string, string>;
  /** Whether trying the same thing again may work (offline, 5xx, 429). */
  retryable: boolean;
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** From Retry-After (429, 503), in whole seconds. */
  retryAfterSeconds?: number;
  /** 402: what the call needs and what the balance has. */
  tokens?: { required: number; remaining: number };
  /** The problem's `type` URI, when it had one. */
  problemType?: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** An RFC 9457 problem document as the platform writes it; extensions (remaining, required) allowed. */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** Thrown by API helpers so that callers can catch one thing and show it. */
export class ApiFailure extends Error {
  readonly ui: UiError;

  constructor(ui: UiError) {
    super(ui.message);
    this.name = 'ApiFailure';
    this.ui = ui;
  }
}

export function isProblemDocument(body: unknown): body is ProblemDocument {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const doc = body as Record<string, unknown>;
  return (
    typeof doc.status === 'number' ||
    typeof doc.title === 'string' ||
    typeof doc.type === 'string' ||
    Array.isArray(doc.errors)
  );
}

/**
 * Retry-After is either delay-seconds or an HTTP date. Returns whole seconds (at least 1 when
 * present), or undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Math.max(1, Number.parseInt(text, 10));
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(1, Math.ceil((date - now) / 1000));
}

function fieldErrorsOf(doc: ProblemDocument | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of doc?.errors ?? []) {
    if (typeof error?.field !== 'string' || typeof error.message !== 'string') continue;
    const field = error.field || '_';
    result[field] = result[field] ? `${result[field]}; ${error.message}` : error.message;
  }
  return result;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function seconds(n: number): string {
  return plural(n, 'second', 'seconds');
}

/** A server's own words, when they are words a member can read (not a stack trace, not HTML). */
function readableDetail(doc: ProblemDocument | undefined): string | undefined {
  const detail = doc?.detail;
  if (typeof detail !== 'string') return undefined;
  const text = detail.trim();
  if (text === '' || text.length > 300 || text.includes('<') || /\bat [\w.$]+\(/.test(text)) {
    return undefined;
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const NOT_FOUND = {
  kind: 'not-found',
  title: 'Not found',
  message: "We couldn't find this. It may have been deleted.",
} as const;

const STALE = {
  kind: 'stale',
  title: 'This was changed elsewhere',
  message:
    'A newer version was saved (perhaps in another tab) while you were editing. Choose which version to keep.',
} as const;

/** The answers whose words depend on the status alone; none of them is worth trying again as is. */
const FIXED_ANSWERS: Partial<Record<number, Pick<UiError, 'kind' | 'title' | 'message'>>> = {
  401: {
    kind: 'auth',
    title: 'Please sign in again',
    message: 'Your session has ended. Sign in again to carry on.',
  },
  403: { kind: 'auth', title: 'Not allowed', message: "Your account doesn't have access to this." },
  404: NOT_FOUND,
  410: NOT_FOUND,
  412: STALE,
  428: STALE,
  413: {
    kind: 'other',
    title: 'Too large',
    message: 'That is too large to send. Please make it smaller and try again.',
  },
};

/**
 * The UiError for an HTTP answer that was not a success.
 *
 * @param status the response status
 * @param body the parsed body: a problem document, another JSON value, text, or undefined
 * @param headers the response headers (Retry-After)
 */
export function problemToUiError(
  status: number,
  body: unknown,
  headers?: Headers | null,
  now = Date.now(),
): UiError {
  const doc = isProblemDocument(body) ? body : undefined;
  const fieldErrors = fieldErrorsOf(doc);
  const detail = readableDetail(doc);
  const base = { status, fieldErrors, problemType: doc?.type };
  const retryAfterSeconds = parseRetryAfter(headers?.get('Retry-After'), now);

  if (status === 400 || status === 422) {
    const count = Object.keys(fieldErrors).length;
    return {
      ...base,
      kind: 'validation',
      title: count > 0 ? 'Please check the highlighted fields' : 'That could not be saved',
      message:
        count > 0
          ? `${plural(count, 'field needs', 'fields need')} a change before this can be saved.`
          : (detail ?? 'Something in the request was not accepted. Please check and try again.'),
      retryable: false,
    };
  }
  if (status === 402) {
    const required = numberOf(doc?.required) ?? numberOf(doc?.needed);
    const remaining = numberOf(doc?.remaining) ?? numberOf(doc?.balance);
    const known = required !== undefined && remaining !== undefined;
    return {
      ...base,
      kind: 'payment',
      title: 'Not enough tokens',
      message: known
        ? `This needs ${plural(required, 'token', 'tokens')}; you have ${remaining}.`
        : "You don't have enough tokens for this right now.",
      retryable: false,
      ...(known ? { tokens: { required, remaining } } : {}),
    };
  }
  if (status === 409) {
    return {
      ...base,
      kind: 'conflict',
      title: "That can't be done right now",
      message: detail ?? 'This clashes with the current state. Reload and try again.',
      retryable: false,
    };
  }
  const fixed = FIXED_ANSWERS[status];
  if (fixed) return { ...base, ...fixed, retryable: false };
  if (status === 429) {
    const wait = retryAfterSeconds ?? 5;
    return {
      ...base,
      kind: 'rate-limited',
      title: 'A little too fast',
      message: `You're going a little fast. Please try again in ${seconds(wait)}.`,
      retryable: true,
      retryAfterSeconds: wait,
    };
  }
  if (status >= 500) {
    const unavailable = status === 503;
    return {
      ...base,
      kind: 'server',
      title: unavailable ? 'Briefly unavailable' : 'Something went wrong on our side',
      message: unavailable
        ? `The service is briefly unavailable. Please try again${retryAfterSeconds ? ` in ${seconds(retryAfterSeconds)}` : ' in a moment'}.`
        : status === 504
          ? 'The server took too long to answer. Please try again.'
          : 'Something went wrong on our side. Please try again in a moment.',
      retryable: true,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  return {
    ...base,
    kind: 'other',
    title: 'Something went wrong',
    message: detail ?? `The request failed (status ${status}).`,
    retryable: false,
  };
}

/** Reads a failed Response's body (JSON, problem+json, text or nothing) and turns it into a UiError. */
export async function responseToUiError(response: Response, now = Date.now()): Promise<UiError> {
  let body: unknown;
  try {
    const text = await response.text();
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
  } catch {
    body = undefined;
  }
  return problemToUiError(response.status, body, response.headers, now);
}

export function isUiError(value: unknown): value is UiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as UiError).kind === 'string' &&
    typeof (value as UiError).message === 'string' &&
    typeof (value as UiError).fieldErrors === 'object'
  );
}

/**
 * Anything thrown while calling the API: an ApiFailure, a network failure (fetch throws a
 * TypeError), an abort, or a programming error. Never throws.
 */
export function toUiError(error: unknown, online = true): UiError {
  if (error instanceof ApiFailure) return error.ui;
  if (isUiError(error)) return error;
  if (error instanceof TypeError || !online) {
    return unanswered(
      'offline',
      "Can't reach VibrationFit",
      online
        ? "We couldn't reach the server. Check your connection and try again."
        : 'You seem to be offline. Check your connection and try again.',
    );
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return unanswered('other', 'Cancelled', 'The request was cancelled.');
  }
  return unanswered(
    'other',
    'Something went wrong',
    'Something unexpected happened. Please try again.',
  );
}

/** A failure with no answer to read (no status, no fields): trying again may well work. */
function unanswered(kind: UiErrorKind, title: string, message: string): UiError {
  return { kind, title, message, fieldErrors: {}, retryable: true };
}
