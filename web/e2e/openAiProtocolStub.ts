import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A chat model that speaks the OpenAI chat-completions protocol, for the journeys that need VIVA on
 * a paid provider: ai-usage-service's real client streams from it (Server-Sent Events of
 * `chat.completion.chunk`s, the usage in a last chunk when `stream_options.include_usage` asks for
 * it, then `[DONE]`), and the ledger charges what it reports. The same protocol as the Java stub
 * the module and system tests use (platform/testing OpenAiProtocolStub).
 */
export interface ScriptedReply {
  words: string[];
  promptTokens: number;
  completionTokens: number;
}

export class OpenAiProtocolStub {
  private readonly requests: unknown[] = [];

  private readonly server: Server;

  private constructor(private readonly reply: ScriptedReply) {
    this.server = createServer((request, response) => {
      this.handle(request).then(
        (chunks) => {
          response.writeHead(200, {
            'Content-Type': 'text/event-stream',
            'Cache-Control': 'no-cache',
          });
          for (const chunk of chunks) response.write(`data: ${chunk}\n\n`);
          response.end('data: [DONE]\n\n');
        },
        (error: unknown) => {
          response.writeHead(400, { 'Content-Type': 'application/json' });
          response.end(
            JSON.stringify({ error: { message: String(error), type: 'invalid_request_error' } }),
          );
        },
      );
    });
  }

  static async start(reply: ScriptedReply): Promise<OpenAiProtocolStub> {
    const stub = new OpenAiProtocolStub(reply);
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    return stub;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** How many chat completions were asked for. */
  get calls(): number {
    return this.requests.length;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage): Promise<string[]> {
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      throw new Error(`no such operation: ${request.method} ${request.url}`);
    }
    let text = '';
    for await (const part of request) text += String(part);
    const body = JSON.parse(text) as {
      model?: string;
      stream?: boolean;
      stream_options?: { include_usage?: boolean };
    };
    if (!body.stream) throw new Error('this stub answers streamed requests only');
    this.requests.push(body);
    const model = body.model ?? 'gpt-4o-mini';
    const chunk = (delta: object, finish: string | null) =>
      JSON.stringify({
        id: 'chatcmpl-e2e',
        object: 'chat.completion.chunk',
        created: 1_700_000_000,
        model,
        choices: [{ index: 0, delta, finish_reason: finish }],
      });
    const chunks = [chunk({ role: 'assistant', content: '' }, null)];
    for (const word of this.reply.words) chunks.push(chunk({ content: word }, null));
    chunks.push(chunk({}, 'stop'));
    if (body.stream_options?.include_usage) {
      const { promptTokens, completionTokens } = this.reply;
      chunks.push(
        JSON.stringify({
          id: 'chatcmpl-e2e',
          object: 'chat.completion.chunk',
          created: 1_700_000_000,
          model,
          choices: [],
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: completionTokens,
            total_tokens: promptTokens + completionTokens,
          },
        }),
      );
    }
    return chunks;
  }
}
