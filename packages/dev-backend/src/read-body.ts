import type { IncomingMessage, ServerResponse } from 'node:http';

/** A body read within its limit, or why it was not. */
export type BodyRead =
  | { ok: true; text: string }
  | { ok: false; status: 400 | 413; message: string; headers: Record<string, string> };

/**
 * Reads a request body of at most `limit` bytes. A declared `Content-Length` over the limit is
 * refused before a byte is read; a chunked body is counted as it arrives and refused the moment
 * it passes the limit, so memory never holds more than `limit` plus one chunk whatever the client
 * sends. A refused body also closes the connection (`Connection: close`): the rest of it is never
 * read.
 */
export function readLimitedBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
): Promise<BodyRead> {
  const tooLarge = (): BodyRead => {
    // Stop reading; once the 413 is out, Node closes the socket and drops what is still coming.
    request.pause();
    response.shouldKeepAlive = false;
    return {
      ok: false,
      status: 413,
      message: `The request body is over ${limit} bytes`,
      headers: { Connection: 'close' },
    };
  };
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(tooLarge());

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
