import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake server received, body parsed as JSON. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** What the fake server answers: a status, headers and a JSON body, or no answer at all. */
export type FakeAnswer =
  | { readonly status?: number; readonly headers?: Record<string, string>; readonly body: unknown }
  | 'hang';

/** A running fake: its base URL (`http://127.0.0.1:<port>/v1`), what it received, and a stop. */
export interface FakeOpenAI {
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible HTTP server on loopback, on a random port, for tests only: each request
 * is recorded and answered by `respond(request, index)`.
 */
export async function startFakeOpenAI(
  respond: (request: RecordedRequest, index: number) => FakeAnswer,
): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: text ? (JSON.parse(text) as unknown) : null,
      };
      requests.push(request);
      const answer = respond(request, requests.length - 1);
      if (answer === 'hang') return;
      outgoing.writeHead(answer.status ?? 200, {
        'content-type': 'application/json',
        ...answer.headers,
      });
      outgoing.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A chat completion whose message carries `content` (or a refusal). */
export function completion(content: string | null, refusal: string | null = null): FakeAnswer {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'test-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}

/** An OpenAI-style error answer. */
export function apiError(status: number, headers: Record<string, string> = {}): FakeAnswer {
  return {
    status,
    headers,
    body: { error: { message: `status ${status}`, type: 'test', code: null } },
  };
}
