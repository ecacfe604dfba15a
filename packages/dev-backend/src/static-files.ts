import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** Content types of the files a demo page is made of. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The content type served for a file name (`application/octet-stream` when unknown). */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/**
 * Serves the files of one folder (GET/HEAD). `/` and folders serve their `index.html`. Requests
 * can't leave the folder: `..` segments, encoded or not, NUL bytes and symbolic links pointing
 * outside are refused.
 */
export function createStaticFileServer(
  folder: string,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const rootPromise = realpath(path.resolve(folder));

  return async function serveStatic(request, response) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      answer(response, 405, 'Method Not Allowed');
      return;
    }
    const root = await rootPromise;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      answer(response, 400, 'Bad Request');
      return;
    }
    if (pathname.includes('\0') || pathname.split(/[\\/]/).includes('..')) {
      answer(response, 403, 'Forbidden');
      return;
    }
    let file = path.join(root, pathname);
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const real = await realpath(file);
      if (!isInside(root, real)) {
        answer(response, 403, 'Forbidden');
        return;
      }
      const info = await stat(real);
      if (!info.isFile()) throw new Error('not a file');
      response.writeHead(200, {
        'Content-Type': contentTypeFor(real),
        'Content-Length': String(info.size),
        'Cache-Control': 'no-cache',
      });
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      createReadStream(real)
        .on('error', () => response.destroy())
        .pipe(response);
    } catch {
      answer(response, 404, 'Not Found');
    }
  };
}

/**
 * Serves several folders under URL prefixes, e.g. `{ '/': 'examples', '/dist/': 'dist' }`; the
 * longest matching prefix wins, and the rest of the path is looked up in its folder.
 */
export function createStaticMounts(
  mounts: Readonly<Record<string, string>>,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const servers = Object.entries(mounts)
    .map(([prefix, folder]) => ({
      prefix: prefix.endsWith('/') ? prefix : `${prefix}/`,
      serve: createStaticFileServer(folder),
    }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return async function serveMounted(request, response) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const mount = servers.find(
      (m) => url.pathname.startsWith(m.prefix) || `${url.pathname}/` === m.prefix,
    );
    if (!mount) {
      answer(response, 404, 'Not Found');
      return;
    }
    const rest = url.pathname.slice(mount.prefix.length - 1) || '/';
    request.url = `${rest}${url.search}`;
    await mount.serve(request, response);
  };
}
