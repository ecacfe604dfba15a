import type { MetadataHandler } from './metadata-handler.js';

/**
 * The parts of `node:http`'s `IncomingMessage` the adapter uses (declared here so the package's
 * types don't need `@types/node` in a consumer that never mounts on Node).
 */
export interface NodeRequestLike {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly readableEnded: boolean;
  pause(): unknown;
  resume(): unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** The parts of `node:http`'s `ServerResponse` the adapter uses. */
export interface NodeResponseLike {
  shouldKeepAlive: boolean;
  setHeader(name: string, value: string): unknown;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: Uint8Array): unknown;
}

/**
 * Mounts a fetch-style handler on `node:http` (or Express, Fastify's raw mode, …): the request
 * body streams into the handler, which reads only as much as its limit allows; a body it did not
 * read to the end closes the connection rather than being drained.
 *
 * @example
 * import { createServer } from 'node:http';
 * const handle = createMetadataHandler({ authorize, openai: { model: 'gpt-4o-mini' } });
 * createServer(toNodeListener(handle)).listen(8787);
 */
export function toNodeListener(
  handler: MetadataHandler,
): (request: NodeRequestLike, response: NodeResponseLike) => Promise<void> {
  return async (request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    }
    const method = request.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const url = requestUrl(request);
    let answer: Response;
    try {
      answer = await handler(
        new Request(url, {
          method,
          headers,
          ...(hasBody ? { body: bodyStream(request), duplex: 'half' } : {}),
        }),
      );
    } catch {
      answer = Response.json(
        { error: { code: 'internal_error', message: 'The metadata could not be read.' } },
        { status: 500 },
      );
    }
    if (hasBody && !request.readableEnded) {
      // The handler stopped reading (a body over its limit): close instead of draining the rest.
      response.shouldKeepAlive = false;
      response.setHeader('connection', 'close');
    }
    response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
    response.end(new Uint8Array(await answer.arrayBuffer()));
  };
}

/** The request's URL; a Host or path that makes no URL (a client's mistake) is not ours to fail on. */
function requestUrl(request: NodeRequestLike): URL {
  try {
    const host = request.headers.host;
    return new URL(request.url ?? '/', `http://${typeof host === 'string' ? host : 'localhost'}`);
  } catch {
    return new URL('http://localhost/');
  }
}

/**
 * The request body as a web stream that reads only when pulled and stops cleanly when the reader
 * cancels (Node 20's `Readable.toWeb` throws "Controller is already closed" from a later `data`
 * or `end` event after a cancel, which would crash the server on every refused body).
 */
function bodyStream(request: NodeRequestLike): ReadableStream<Uint8Array> {
  let open = true;
  const onData = (...args: unknown[]): void => {
    const chunk = args[0] as Uint8Array | string;
    if (!open) return;
    controllerRef?.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    if ((controllerRef?.desiredSize ?? 0) <= 0) request.pause();
  };
  const stop = (): void => {
    open = false;
    request.off('data', onData);
    request.off('end', onEnd);
    request.off('error', onError);
  };
  const onEnd = (): void => {
    if (open) controllerRef?.close();
    stop();
  };
  const onError = (...args: unknown[]): void => {
    if (open) controllerRef?.error(args[0]);
    stop();
  };
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        request.pause();
        request.on('data', onData);
        request.on('end', onEnd);
        request.on('error', onError);
      },
      pull() {
        request.resume();
      },
      cancel() {
        // Stop reading; the response then closes the connection instead of draining it.
        stop();
        request.pause();
      },
    },
    { highWaterMark: 1 },
  );
}
