import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiFailure, problemToUiError } from './problem';
import type { components, paths } from './schema';

/** Generated from the merged OpenAPI document (npm run generate): a contract change breaks typecheck. */
export type Schemas = components['schemas'];
export type Api = Client<paths>;

/** Where the client gets the member's access token, and what it does when the token is refused. */
export interface TokenSource {
  accessToken(): string | undefined;
  /** One silent renewal; the new access token, or undefined when it failed. */
  renew(): Promise<string | undefined>;
  /** The session cannot be renewed: send the member to sign in again. */
  signInAgain(): void;
}

function withToken(request: Request, token: string | undefined): Request {
  const next = new Request(request);
  if (token) next.headers.set('Authorization', `Bearer ${token}`);
  else next.headers.delete('Authorization');
  return next;
}

/**
 * Adds `Authorization: Bearer <token>` to every request. On a 401 it renews the session silently
 * once and sends the request again once; when the renewal fails, the member signs in again.
 */
export function authMiddleware(tokens: TokenSource): Middleware {
  const retries = new Map<string, Request>();
  return {
    onRequest({ request, id }) {
      const signed = withToken(request, tokens.accessToken());
      // Keep an unsent copy: a request body can be read only once.
      retries.set(id, signed.clone());
      return signed;
    },
    async onResponse({ response, id, options }) {
      const retry = retries.get(id);
      retries.delete(id);
      if (response.status !== 401 || !retry) return undefined;
      const token = await tokens.renew();
      if (!token) {
        tokens.signInAgain();
        return undefined;
      }
      await response.body?.cancel().catch(() => undefined);
      return options.fetch(withToken(retry, token));
    },
    onError({ id }) {
      retries.delete(id);
      return undefined;
    },
  };
}

export function createApi(tokens: TokenSource, fetchImpl?: typeof fetch): Api {
  const client = createClient<paths>({
    baseUrl: '',
    headers: { Accept: 'application/json, application/problem+json' },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  client.use(authMiddleware(tokens));
  return client;
}

export interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer; otherwise throws an ApiFailure holding the UiError. */
export async function unwrap<D>(call: Promise<FetchResult<D>>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok)
    throw new ApiFailure(problemToUiError(response.status, error, response.headers));
  return data as D;
}

/** Like unwrap, but a 404 ("none yet") is null instead of an error. */
export async function unwrapOrNull<D>(call: Promise<FetchResult<D>>): Promise<D | null> {
  const { data, error, response } = await call;
  if (response.status === 404) return null;
  if (!response.ok)
    throw new ApiFailure(problemToUiError(response.status, error, response.headers));
  return data as D;
}

/** A body with the ETag of the answer that carried it (for a later If-Match). */
export interface Tagged<D> {
  data: D;
  etag: string;
}

/** The body and ETag of a successful answer with a body; otherwise throws an ApiFailure. */
export async function unwrapTagged<D>(call: Promise<FetchResult<D>>): Promise<Tagged<D>> {
  const { data, error, response } = await call;
  if (!response.ok || !data) {
    throw new ApiFailure(problemToUiError(response.status, error, response.headers));
  }
  return { data, etag: response.headers.get('ETag') ?? '' };
}

/** The If-Match header of an edit, or none when the ETag is not known (a create-then-edit). */
export function ifMatchHeader(etag: string): { header?: { 'If-Match': string } } {
  return etag ? { header: { 'If-Match': etag } } : {};
}
