/**
 * VIVA's reply as it streams: the Server-Sent Events of `POST /api/v1/ai/conversations/{id}/messages`
 * (started, delta..., then done or error) folded into what the screen shows. Pure: the screen
 * reads the stream (src/api/sse.ts) and feeds each event here.
 */
import type { Schemas } from '../../api/client';
import { problemToUiError, type UiError } from '../../api/problem';
import type { SseEvent } from '../../api/sse';

export type Message = Schemas['ConversationMessage'];

/** The `done` event: the reply is stored and charged. */
export interface ReplyDone {
  message_id?: string;
  conversation_id?: string;
  user_message_id?: string;
  tokens_used?: number;
  input_tokens?: number | null;
  output_tokens?: number | null;
  model?: string | null;
  offline?: boolean;
  usage_id?: string | null;
}

export type ReplyPhase =
  /** Sent; nothing back yet. */
  | 'sending'
  /** `started` came (the member's message is stored); pieces are arriving. */
  | 'streaming'
  /** `done`: stored and charged. */
  | 'done'
  /** The member pressed Stop: the server releases the hold and stores no reply. */
  | 'stopped'
  /** `error`, or the stream ended without `done`. */
  | 'failed';

export interface LiveReply {
  phase: ReplyPhase;
  /** What the member sent. */
  sent: string;
  /** The reply so far. */
  text: string;
  /** How many pieces (deltas) arrived. */
  pieces: number;
  /** The member's stored turn, from `started`. */
  userMessage?: Message;
  model?: string;
  offline?: boolean;
  estimatedTokens?: number;
  done?: ReplyDone;
  error?: UiError;
}

export function startReply(sent: string): LiveReply {
  return { phase: 'sending', sent, text: '', pieces: 0 };
}

/** Whether the reply can still change (Stop makes sense). */
export function isActive(reply: LiveReply | null | undefined): boolean {
  return reply?.phase === 'sending' || reply?.phase === 'streaming';
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Folds one event into the reply. Events after the end (done, error, stop) change nothing. */
export function applyEvent(reply: LiveReply, event: SseEvent): LiveReply {
  if (!isActive(reply)) return reply;
  const data = record(parse(event.data));
  switch (event.event) {
    case 'started': {
      const userMessage = record(data.user_message);
      return {
        ...reply,
        phase: 'streaming',
        ...(Object.keys(userMessage).length > 0 ? { userMessage: userMessage as Message } : {}),
        ...(typeof data.model === 'string' ? { model: data.model } : {}),
        ...(typeof data.offline === 'boolean' ? { offline: data.offline } : {}),
        ...(typeof data.estimated_tokens === 'number'
          ? { estimatedTokens: data.estimated_tokens }
          : {}),
      };
    }
    case 'delta': {
      const text = typeof data.text === 'string' ? data.text : '';
      if (text === '') return reply;
      return { ...reply, phase: 'streaming', text: reply.text + text, pieces: reply.pieces + 1 };
    }
    case 'done':
      return { ...reply, phase: 'done', done: data as ReplyDone };
    case 'error': {
      const status = typeof data.status === 'number' ? data.status : 502;
      return { ...reply, phase: 'failed', error: problemToUiError(status, data) };
    }
    default:
      return reply; // an event this version does not know: ignored, as SSE clients do
  }
}

/** The member pressed Stop: what came so far stays on screen, marked as stopped. */
export function stopReply(reply: LiveReply): LiveReply {
  return isActive(reply) ? { ...reply, phase: 'stopped' } : reply;
}

/** The stream ended (or broke). Without `done` or `error`, the reply was cut off. */
export function endReply(reply: LiveReply, failure?: UiError): LiveReply {
  if (!isActive(reply)) return reply;
  return {
    ...reply,
    phase: 'failed',
    error: failure ?? {
      kind: 'server',
      title: 'The reply was cut off',
      message:
        'The connection ended before VIVA finished. Nothing was charged for it; your message is kept, so you can send it again.',
      fieldErrors: {},
      retryable: true,
    },
  };
}

/** A whole stream at once (tests, and what the screen does event by event). */
export function assemble(events: SseEvent[], sent = ''): LiveReply {
  return endReply(events.reduce(applyEvent, startReply(sent)));
}

/**
 * A turn on screen: a stored message, or a reply the member stopped (never stored by the server)
 * shown under the message it answered.
 */
export type Turn =
  | { kind: 'message'; message: Message }
  | { kind: 'stopped'; userMessageId: string; text: string }
  | { kind: 'unanswered'; userMessageId: string };

/**
 * The stored turns, oldest first, with what the member stopped put back under its question. A
 * question the server holds no reply for (stopped, failed, cut off) says so, unless it is the one
 * being answered right now.
 */
export function turnsOf(
  messages: Message[],
  stopped: ReadonlyMap<string, string>,
  answering?: string,
): Turn[] {
  const turns: Turn[] = [];
  messages.forEach((message, i) => {
    turns.push({ kind: 'message', message });
    if (message.role !== 'user' || !message.id) return;
    const next = messages[i + 1];
    if (next?.role === 'assistant') return;
    if (message.id === answering) return;
    const partial = stopped.get(message.id);
    turns.push(
      partial !== undefined
        ? { kind: 'stopped', userMessageId: message.id, text: partial }
        : { kind: 'unanswered', userMessageId: message.id },
    );
  });
  return turns;
}
