/** VIVA's API calls: threads, their turns, and the streamed reply. */
import { unwrap, type Api, type Schemas } from '../../api/client';
import { cursorPage, pageQuery, type CursorPage, type Page } from '../../api/paging';
import { ApiFailure, problemToUiError } from '../../api/problem';
import { readEventStream, type SseEvent } from '../../api/sse';
import type { Message } from './reply';
import type { Mode } from './wording';

export type Thread = Schemas['Conversation'];

export type ThreadPage = CursorPage<Thread>;

/**
 * A page of turns. The OpenAPI document does not describe this answer (GET
 * /api/v1/ai/conversations/{id}/messages has no 200 response in it, a gap reported to the
 * backend): it is the platform's page (`items`, `next_cursor`) of ConversationMessage, as the
 * service writes it.
 */
export type MessagePage = CursorPage<Message>;

export const THREADS_PAGE = 20;
export const MESSAGES_PAGE = 50;

export async function listThreads(
  api: Api,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<ThreadPage> {
  const page = await unwrap(
    api.GET('/api/v1/ai/conversations', {
      params: { query: pageQuery(THREADS_PAGE, cursor) },
      signal,
    }),
  );
  return cursorPage(page);
}

export async function getThread(api: Api, id: string, signal?: AbortSignal): Promise<Thread> {
  return unwrap(api.GET('/api/v1/ai/conversations/{id}', { params: { path: { id } }, signal }));
}

export async function startThread(
  api: Api,
  start: { mode: Mode; category?: Schemas['LifeCategory'] | undefined },
): Promise<Thread> {
  return unwrap(
    api.POST('/api/v1/ai/conversations', {
      body: { mode: start.mode, ...(start.category ? { category: start.category } : {}) },
    }),
  );
}

export async function renameThread(api: Api, id: string, title: string): Promise<Thread> {
  return unwrap(
    api.PATCH('/api/v1/ai/conversations/{id}', { params: { path: { id } }, body: { title } }),
  );
}

export async function deleteThread(api: Api, id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/ai/conversations/{id}', { params: { path: { id } } }));
}

export async function listMessages(
  api: Api,
  id: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<MessagePage> {
  const page = (await unwrap(
    api.GET('/api/v1/ai/conversations/{id}/messages', {
      params: { path: { id }, query: pageQuery(MESSAGES_PAGE, cursor) },
      signal,
    }),
  )) as Page<Message> | undefined;
  return cursorPage(page);
}

export async function loadBalance(
  api: Api,
  signal?: AbortSignal,
): Promise<Schemas['TokenBalance']> {
  return unwrap(api.GET('/api/v1/ai/balance', { signal }));
}

/**
 * Sends a message and reads VIVA's reply as it streams, calling onEvent for each Server-Sent
 * Event. Through the app's one API client (its auth middleware adds the bearer token and renews
 * it once on a 401), asking for the stream instead of JSON. A refusal (400, 402, 404, 429...)
 * throws an ApiFailure before any event; aborting the signal (Stop) ends the read quietly.
 */
export async function streamReply(
  api: Api,
  id: string,
  message: string,
  onEvent: (event: SseEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const { error, response } = await api.POST('/api/v1/ai/conversations/{id}/messages', {
    params: { path: { id } },
    body: { message },
    headers: { Accept: 'text/event-stream, application/problem+json' },
    parseAs: 'stream',
    signal,
  });
  if (!response.ok)
    throw new ApiFailure(problemToUiError(response.status, error, response.headers));
  await readEventStream(response, onEvent, signal);
}
