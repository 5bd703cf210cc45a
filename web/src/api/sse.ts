/**
 * Server-Sent Events, parsed incrementally as the HTML standard describes (the "event stream
 * interpretation"): text may arrive split anywhere, even inside a line or between the CR and LF
 * of a CRLF. Used for VIVA's streamed replies (POST answers, so EventSource cannot be used).
 */

export interface SseEvent {
  /** The `event:` field, "message" when absent. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen in the stream so far (it carries over to later events), if any. */
  id?: string;
}

export class SseParser {
  private buffer = '';
  private skipLeadingLf = false;
  private started = false;
  private eventType = '';
  private dataLines: string[] = [];
  private hasData = false;
  private lastEventId: string | undefined;
  /** The `retry:` value, in milliseconds, when the server sent one. */
  retry: number | undefined;

  /** Feeds the next piece of text; returns the events completed by it, in order. */
  feed(chunk: string): SseEvent[] {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.skipLeadingLf && text.length > 0) {
      this.skipLeadingLf = false;
      if (text[0] === '\n') text = text.slice(1);
    }
    this.buffer += text;

    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (ch === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          // The chunk ended on CR: an LF starting the next chunk belongs to this line end.
          this.skipLeadingLf = true;
        }
      }
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /**
   * The stream ended. An event not closed by a blank line is discarded, as the standard says;
   * returns nothing and resets the parser's partial state.
   */
  end(): SseEvent[] {
    this.buffer = '';
    this.resetEvent();
    return [];
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined; // a comment (often a keep-alive)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.dataLines.push(value);
        this.hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number.parseInt(value, 10);
        break;
      default:
        break; // unknown fields are ignored
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    if (!this.hasData) {
      this.resetEvent();
      return undefined;
    }
    const event: SseEvent = {
      event: this.eventType || 'message',
      data: this.dataLines.join('\n'),
      ...(this.lastEventId !== undefined ? { id: this.lastEventId } : {}),
    };
    this.resetEvent();
    return event;
  }

  private resetEvent(): void {
    this.eventType = '';
    this.dataLines = [];
    this.hasData = false;
  }
}

/** Parses a whole text at once (tests, small bodies). */
export function parseEventStream(text: string): SseEvent[] {
  const parser = new SseParser();
  return [...parser.feed(text), ...parser.end()];
}

/**
 * Reads a streamed response body as Server-Sent Events, calling onEvent for each one as it
 * completes. Resolves when the stream ends; rejects when reading fails. Aborting the signal
 * cancels the read and resolves.
 */
export async function readEventStream(
  response: Response,
  onEvent: (event: SseEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (!response.body) throw new TypeError('The response has no body to read events from.');
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parser = new SseParser();
  const cancel = () => {
    reader.cancel().catch(() => undefined);
  };
  if (signal?.aborted) {
    cancel();
    return;
  }
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) return;
      if (done) {
        for (const event of parser.feed(decoder.decode())) onEvent(event);
        parser.end();
        return;
      }
      for (const event of parser.feed(decoder.decode(value, { stream: true }))) {
        onEvent(event);
        if (signal?.aborted) return;
      }
    }
  } catch (error) {
    if (signal?.aborted) return;
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
    try {
      reader.releaseLock();
    } catch {
      // already released or errored: nothing to do
    }
  }
}
