import type { IncomingMessage, ServerResponse } from 'node:http';

/** A body read within its limit, or why it was not. */
export type BodyRead =
  | { ok: true; text: string }
  | { ok: false; status: 400 | 413; message: string; headers: Record<string, string> };

/**
 * Reads a request body of at most `limit` bytes. A declared `Content-Length` over the limit is
 * refused before a byte is read; a chunked body is counted as it arrives and refused the moment
 * it passes the limit, so memory never holds more than `limit` plus one chunk whatever the client
 * sends. A refused body also closes the connection (`Connection: close`): at most
 * {@link LINGER_BYTES} more of it is read (and dropped) so the client can read the answer.
 */
export function readLimitedBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
): Promise<BodyRead> {
  const tooLarge = (): BodyRead => {
    response.shouldKeepAlive = false;
    lingerThenClose(request, response);
    return {
      ok: false,
      status: 413,
      message: `The request body is over ${limit} bytes`,
      headers: { Connection: 'close' },
    };
  };
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(tooLarge());
  // Neither a length nor a transfer coding: HTTP/1.1 says there is no body (a GET, a HEAD).
  // Answer now rather than a turn of the event loop later, when the stream reports its end.
  if (
    (declared === 0 || request.headers['content-length'] === undefined) &&
    request.headers['transfer-encoding'] === undefined
  ) {
    return Promise.resolve({ ok: true, text: '' });
  }

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > limit) {
        chunks.length = 0;
        finish(tooLarge());
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = (): void => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    const onError = (): void =>
      finish({
        ok: false,
        status: 400,
        message: 'Could not read the request body',
        headers: { Connection: 'close' },
      });
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

/** How much of a refused body is still read, and for how long, before the socket is closed. */
export const LINGER_BYTES = 4 * 1024 * 1024;
export const LINGER_MS = 2000;

/**
 * A "lingering close" (as web servers do): once the refusal is written, keep reading and dropping
 * the rest of the body for a bounded time and size, then close the socket. Closing at once with
 * unread bytes in the kernel's buffer makes TCP answer with a reset, and a client still sending
 * can then lose the 413 it was already sent (it sees ECONNRESET instead).
 */
function lingerThenClose(request: IncomingMessage, response: ServerResponse): void {
  request.pause();
  const socket = request.socket;
  response.once('finish', () => {
    // Node has just half-closed the socket (`destroySoon`) and would destroy it once the answer is
    // flushed; keep it readable (HTTP sockets allow half-open) and close it here instead.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Node added this very function.
    socket.removeListener('finish', socket.destroy);
    if (socket.destroyed) return;
    let drained = 0;
    const close = (): void => {
      clearTimeout(timer);
      request.off('data', onData);
      socket.destroy();
    };
    const onData = (chunk: Buffer | string): void => {
      drained += chunk.length;
      if (drained > LINGER_BYTES) close();
    };
    const timer = setTimeout(close, LINGER_MS);
    timer.unref();
    request.on('data', onData);
    request.once('end', close);
    request.once('error', close);
    request.resume();
  });
}
