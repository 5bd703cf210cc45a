import { describe, expect, it } from 'vitest';
import { parseEventStream, type SseEvent } from '../../api/sse';
import {
  applyEvent,
  assemble,
  endReply,
  isActive,
  startReply,
  stopReply,
  turnsOf,
  type Message,
} from './reply';

const STREAM =
  'event:started\ndata:{"estimated_tokens":1312,"offline":false,"model":"gpt-4o-mini",' +
  '"user_message":{"id":"u1","role":"user","message":"Help me"}}\n\n' +
  'event:delta\ndata:{"text":"Picture "}\n\n' +
  'event:delta\ndata:{"text":"your "}\n\n' +
  'event:delta\ndata:{"text":"day."}\n\n' +
  'event:done\ndata:{"message_id":"r1","user_message_id":"u1","tokens_used":869,' +
  '"input_tokens":812,"output_tokens":57,"model":"gpt-4o-mini","offline":false}\n\n';

describe('a streamed reply', () => {
  it('grows piece by piece and ends done with its usage', () => {
    const events = parseEventStream(STREAM);
    let reply = startReply('Help me');
    expect(reply.phase).toBe('sending');
    const seen: string[] = [];
    for (const event of events) {
      reply = applyEvent(reply, event);
      seen.push(reply.text);
    }
    expect(seen).toEqual([
      '',
      'Picture ',
      'Picture your ',
      'Picture your day.',
      'Picture your day.',
    ]);
    expect(reply.phase).toBe('done');
    expect(reply.pieces).toBe(3);
    expect(reply.userMessage?.id).toBe('u1');
    expect(reply.model).toBe('gpt-4o-mini');
    expect(reply.estimatedTokens).toBe(1312);
    expect(reply.done?.tokens_used).toBe(869);
    expect(isActive(reply)).toBe(false);
  });

  it('is streaming once started, before any piece', () => {
    const reply = applyEvent(startReply('x'), {
      event: 'started',
      data: '{"user_message":{"id":"u"}}',
    });
    expect(reply.phase).toBe('streaming');
    expect(isActive(reply)).toBe(true);
  });

  it('keeps what came when stopped, and ignores anything after', () => {
    const events = parseEventStream(STREAM);
    let reply = startReply('Help me');
    reply = applyEvent(reply, events[0]!);
    reply = applyEvent(reply, events[1]!);
    reply = stopReply(reply);
    expect(reply.phase).toBe('stopped');
    expect(reply.text).toBe('Picture ');
    for (const event of events.slice(2)) reply = applyEvent(reply, event);
    expect(reply.text).toBe('Picture ');
    expect(reply.phase).toBe('stopped');
    // Stopping twice, or ending a stopped stream, changes nothing.
    expect(stopReply(reply)).toBe(reply);
    expect(endReply(reply)).toBe(reply);
  });

  it('does not turn a finished reply into a stopped one', () => {
    const done = assemble(parseEventStream(STREAM));
    expect(stopReply(done)).toBe(done);
  });

  it('fails with the problem of an error event', () => {
    const reply = assemble([
      { event: 'started', data: '{}' },
      { event: 'delta', data: '{"text":"Pict"}' },
      {
        event: 'error',
        data: '{"type":"https://api.vibrationfit.com/problems/bad-gateway","title":"Bad Gateway","status":502,"detail":"VIVA could not finish this reply"}',
      },
    ]);
    expect(reply.phase).toBe('failed');
    expect(reply.text).toBe('Pict');
    expect(reply.error?.kind).toBe('server');
    expect(reply.error?.retryable).toBe(true);
  });

  it('is cut off when the stream ends without done', () => {
    const reply = assemble([
      { event: 'started', data: '{}' },
      { event: 'delta', data: '{"text":"Half"}' },
    ]);
    expect(reply.phase).toBe('failed');
    expect(reply.error?.title).toBe('The reply was cut off');
    expect(reply.text).toBe('Half');
  });

  it('ignores unknown events, empty pieces and unreadable data', () => {
    const events: SseEvent[] = [
      { event: 'started', data: 'not json' },
      { event: 'ping', data: '{}' },
      { event: 'delta', data: '{"text":""}' },
      { event: 'delta', data: '{"other":1}' },
      { event: 'delta', data: '{"text":"ok"}' },
    ];
    const reply = events.reduce(applyEvent, startReply('x'));
    expect(reply.text).toBe('ok');
    expect(reply.pieces).toBe(1);
    expect(reply.phase).toBe('streaming');
  });
});

describe('turnsOf', () => {
  const user = (id: string): Message => ({ id, role: 'user', message: id });
  const viva = (id: string): Message => ({ id, role: 'assistant', message: id });

  it('puts a stopped reply back under its question', () => {
    const turns = turnsOf(
      [user('q1'), viva('r1'), user('q2'), user('q3'), viva('r3')],
      new Map([['q2', 'Pic']]),
    );
    expect(
      turns.map((t) => (t.kind === 'message' ? t.message.id : `${t.kind}:${t.userMessageId}`)),
    ).toEqual(['q1', 'r1', 'q2', 'stopped:q2', 'q3', 'r3']);
    const stopped = turns[3];
    expect(stopped?.kind === 'stopped' && stopped.text).toBe('Pic');
  });

  it('says when a question has no reply, except the one being answered', () => {
    const turns = turnsOf([user('q1'), user('q2')], new Map(), 'q2');
    expect(turns.map((t) => t.kind)).toEqual(['message', 'unanswered', 'message']);
  });

  it('prefers the stored reply over a stop the server did not see in time', () => {
    const turns = turnsOf([user('q1'), viva('r1')], new Map([['q1', 'Pi']]));
    expect(turns.map((t) => t.kind)).toEqual(['message', 'message']);
  });
});
