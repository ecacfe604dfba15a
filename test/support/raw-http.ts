// Requests with exactly the bytes a test means (fetch normalises paths and headers), and an
// upload that goes on until the server answers or hangs up.
import { request as httpRequest } from 'node:http';

/** What a raw request got back. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly these bytes (fetch would normalise the path and headers). */
export function raw(
  base: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    /** Give up (reject) when no answer came in this long. */
    timeoutMs?: number;
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      `${base}/`,
      {
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers ?? {},
        // A fresh connection each time: a reused keep-alive socket the server is closing at that
        // moment ("socket hang up") is the client's race, not an answer of the server's.
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    call.on('error', reject);
    if (options.timeoutMs !== undefined)
      call.setTimeout(options.timeoutMs, () => call.destroy(new Error('no answer in time')));
    call.end(options.body);
  });
}

/** Sends a chunked body of up to `total` bytes until the server answers or closes. */
export function streamUntilAnswered(
  base: string,
  urlPath: string,
  total: number,
  headers: Record<string, string> = {},
): Promise<{ status: number | null; sent: number }> {
  return new Promise((resolve) => {
    let sent = 0;
    let status: number | null = null;
    let settled = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const call = httpRequest(`${base}${urlPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers },
    });
    const done = (): void => {
      if (settled) return;
      settled = true;
      call.destroy();
      resolve({ status, sent });
    };
    call.on('response', (response) => {
      status = response.statusCode ?? null;
      response.resume();
      response.on('end', done);
    });
    call.on('error', done);
    call.on('close', done);
    call.write('{"a": "');
    const pump = (): void => {
      while (!settled && sent < total) {
        sent += chunk.length;
        if (!call.write(chunk)) {
          call.once('drain', pump);
          return;
        }
      }
      if (!settled) call.end('"}');
    };
    pump();
  });
}
