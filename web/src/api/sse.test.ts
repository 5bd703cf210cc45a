import { describe, expect, it } from 'vitest';
import { parseEventStream, readEventStream, SseParser, type SseEvent } from './sse';

const STREAM =
  'event: started\r\ndata: {"model":"m"}\r\n\r\n' +
  ': keep-alive\r\n\r\n' +
  'event: delta\r\ndata: {"text":"Hel"}\r\n\r\n' +
  'event: delta\r\nid: 7\r\ndata: line one\r\ndata: line two\r\n\r\n' +
  'data: plain\r\n\r\n' +
  'event: done\r\ndata: {"tokens_used":3}\r\n\r\n';

const EXPECTED: SseEvent[] = [
  { event: 'started', data: '{"model":"m"}' },
  { event: 'delta', data: '{"text":"Hel"}' },
  { event: 'delta', data: 'line one\nline two', id: '7' },
  { event: 'message', data: 'plain', id: '7' },
  { event: 'done', data: '{"tokens_used":3}', id: '7' },
];

function feedInPieces(text: string, cuts: number[]): SseEvent[] {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    events.push(...parser.feed(text.slice(at, cut)));
    at = cut;
  }
  return events;
}

describe('SseParser', () => {
  it('parses a whole stream: events, multi-line data, ids carried over, comments ignored', () => {
    expect(parseEventStream(STREAM)).toEqual(EXPECTED);
  });

  it('gives the same events however the text is split, including inside a CRLF', () => {
    for (let size = 1; size <= 7; size++) {
      const cuts: number[] = [];
      for (let i = size; i < STREAM.length; i += size) cuts.push(i);
      expect(feedInPieces(STREAM, cuts)).toEqual(EXPECTED);
    }
    const crAt = STREAM.indexOf('\r\n') + 1; // between CR and LF
    expect(feedInPieces(STREAM, [crAt])).toEqual(EXPECTED);
  });

  it('accepts LF-only and CR-only line ends', () => {
    expect(parseEventStream('data: a\n\ndata: b\r\rdata: c\r\n\r\n')).toEqual([
      { event: 'message', data: 'a' },
      { event: 'message', data: 'b' },
      { event: 'message', data: 'c' },
    ]);
  });

  it('does not treat a CR at the end of a chunk followed by a blank CRLF line as two line ends too many', () => {
    // "data: x\r" | "\n\r\n": one line end after x, then the blank line that dispatches.
    expect(feedInPieces('data: x\r\n\r\n', [8])).toEqual([{ event: 'message', data: 'x' }]);
    // "data: x\r" | "\r": CR-only, two line ends: dispatches too.
    expect(feedInPieces('data: x\r\r', [8])).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('strips exactly one space after the colon, and handles fields without a colon', () => {
    expect(parseEventStream('data:  two spaces\ndata\ndata:none\n\n')).toEqual([
      { event: 'message', data: ' two spaces\n\nnone' },
    ]);
  });

  it('does not dispatch an event without data, nor an unfinished one at the end', () => {
    expect(parseEventStream('event: ping\n\ndata: unfinished')).toEqual([]);
  });

  it('skips a leading byte order mark and unknown fields', () => {
    expect(parseEventStream('\uFEFFfoo: bar\ndata: x\n\n')).toEqual([
      { event: 'message', data: 'x' },
    ]);
  });

  it('keeps the retry value', () => {
    const parser = new SseParser();
    parser.feed('retry: 3000\n\n');
    expect(parser.retry).toBe(3000);
  });
});

function streamOf(chunks: Uint8Array[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}

describe('readEventStream', () => {
  it('decodes UTF-8 split inside a character and delivers events in order', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"Grüße ✨"}\n\n');
    const split = bytes.indexOf(0xc3) + 1; // inside "ü"
    const events: SseEvent[] = [];
    await readEventStream(streamOf([bytes.slice(0, split), bytes.slice(split)]), (event) =>
      events.push(event),
    );
    expect(events).toEqual([{ event: 'delta', data: '{"text":"Grüße ✨"}' }]);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const encoder = new TextEncoder();
    const events: SseEvent[] = [];
    const response = streamOf([encoder.encode('data: 1\n\n'), encoder.encode('data: 2\n\n')]);
    await readEventStream(
      response,
      (event) => {
        events.push(event);
        controller.abort();
      },
      controller.signal,
    );
    expect(events.map((e) => e.data)).toEqual(['1']);
  });

  it('rejects a response without a body', async () => {
    await expect(readEventStream(new Response(null), () => undefined)).rejects.toThrow(TypeError);
  });
});
