import { describe, expect, it, vi } from 'vitest';
import {
  createApi,
  ifMatchHeader,
  unwrap,
  unwrapOrNull,
  unwrapTagged,
  type TokenSource,
} from './client';
import { ApiFailure } from './problem';

function tokens(initial: string, renewed: string | undefined) {
  let current = initial;
  const source = {
    accessToken: () => current,
    renew: vi.fn(async () => {
      if (renewed) current = renewed;
      return renewed;
    }),
    signInAgain: vi.fn(() => undefined),
  };
  return source satisfies TokenSource;
}

function fakeFetch(answer: (request: Request) => Response | Promise<Response>) {
  const seen: { auth: string | null; body: string }[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    seen.push({ auth: request.headers.get('Authorization'), body: await request.clone().text() });
    return answer(request);
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, seen };
}

const problem401 = () =>
  new Response(JSON.stringify({ type: 'x', title: 'Unauthorized', status: 401 }), {
    status: 401,
    headers: { 'Content-Type': 'application/problem+json' },
  });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

// Requests need an absolute URL outside a browser.
const base = 'http://app.test';

describe('the API client', () => {
  it('sends the access token as a bearer token', async () => {
    const { fetchImpl, seen } = fakeFetch(() => json({ remaining: 5 }));
    const api = createApi(tokens('t1', 't2'), fetchImpl);
    const { data } = await api.GET('/api/v1/ai/balance', { baseUrl: base });
    expect(data?.remaining).toBe(5);
    expect(seen[0]?.auth).toBe('Bearer t1');
  });

  it('on 401 renews once and retries once with the new token and the same body', async () => {
    const { fetchImpl, seen } = fakeFetch((request) =>
      request.headers.get('Authorization') === 'Bearer t2' ? json({ id: 'c1' }, 201) : problem401(),
    );
    const source = tokens('t1', 't2');
    const api = createApi(source, fetchImpl);
    const { data, response } = await api.POST('/api/v1/ai/conversations', {
      baseUrl: base,
      body: { title: 'Hello' },
    });
    expect(response.status).toBe(201);
    expect(data).toEqual({ id: 'c1' });
    expect(source.renew).toHaveBeenCalledTimes(1);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(seen[1]?.body).toBe(seen[0]?.body);
    expect(seen[1]?.body).toContain('Hello');
    expect(source.signInAgain).not.toHaveBeenCalled();
  });

  it('does not loop: a second 401 is returned as is', async () => {
    const { fetchImpl, seen } = fakeFetch(() => problem401());
    const source = tokens('t1', 't2');
    const api = createApi(source, fetchImpl);
    const { response } = await api.GET('/api/v1/ai/balance', { baseUrl: base });
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(2);
    expect(source.renew).toHaveBeenCalledTimes(1);
  });

  it('asks the member to sign in again when the renewal fails', async () => {
    const { fetchImpl, seen } = fakeFetch(() => problem401());
    const source = tokens('t1', undefined);
    const api = createApi(source, fetchImpl);
    const { response } = await api.GET('/api/v1/ai/balance', { baseUrl: base });
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
    expect(source.signInAgain).toHaveBeenCalledTimes(1);
  });
});

describe('unwrap', () => {
  it('returns data, throws an ApiFailure with a UiError, and maps 404 to null when asked', async () => {
    const ok = { data: { a: 1 }, response: new Response('{}', { status: 200 }) };
    expect(await unwrap(Promise.resolve(ok))).toEqual({ a: 1 });

    const missing = {
      error: { status: 404, title: 'Not Found' },
      response: new Response(null, { status: 404 }),
    };
    expect(await unwrapOrNull(Promise.resolve(missing))).toBeNull();
    await expect(unwrap(Promise.resolve(missing))).rejects.toBeInstanceOf(ApiFailure);

    const down = { error: 'Bad Gateway', response: new Response(null, { status: 502 }) };
    await expect(unwrapOrNull(Promise.resolve(down))).rejects.toMatchObject({
      ui: { kind: 'server', retryable: true },
    });
  });
});

describe('unwrapTagged', () => {
  it("returns the body with the answer's ETag, empty when the answer has none", async () => {
    const tagged = {
      data: { a: 1 },
      response: new Response('{}', { status: 200, headers: { ETag: '"v3"' } }),
    };
    expect(await unwrapTagged(Promise.resolve(tagged))).toEqual({ data: { a: 1 }, etag: '"v3"' });
    const untagged = { data: { a: 2 }, response: new Response('{}', { status: 200 }) };
    expect(await unwrapTagged(Promise.resolve(untagged))).toEqual({ data: { a: 2 }, etag: '' });
  });

  it('throws an ApiFailure for a failure and for a success without a body', async () => {
    const stale = {
      error: { status: 412, title: 'Precondition Failed' },
      response: new Response(null, { status: 412 }),
    };
    await expect(unwrapTagged(Promise.resolve(stale))).rejects.toMatchObject({
      ui: { kind: 'stale' },
    });
    const empty = { response: new Response(null, { status: 204 }) };
    await expect(unwrapTagged(Promise.resolve(empty))).rejects.toBeInstanceOf(ApiFailure);
  });
});

describe('ifMatchHeader', () => {
  it('sends If-Match only when the ETag is known', () => {
    expect(ifMatchHeader('"v3"')).toEqual({ header: { 'If-Match': '"v3"' } });
    expect(ifMatchHeader('')).toEqual({});
  });
});
