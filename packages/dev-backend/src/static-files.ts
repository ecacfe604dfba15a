import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

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

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/** What {@link createStaticFileServer} serves besides ordinary files. */
export interface StaticFileOptions {
  /** Serve files and folders whose name starts with a dot (default false: `.env`, `.git`). */
  dotfiles?: boolean;
  /** Serve `*.map` source maps (default false: they carry the sources). */
  sourceMaps?: boolean;
}

/** True for a path the policy hides: a dot segment (unless allowed) or a source map. */
function hidden(pathname: string, options: StaticFileOptions): boolean {
  const segments = pathname.split('/');
  if (!options.dotfiles && segments.some((segment) => segment.startsWith('.'))) return true;
  return !options.sourceMaps && pathname.toLowerCase().endsWith('.map');
}

/**
 * Serves the files of one folder (GET/HEAD) with `sirv`; `/` and folders serve their
 * `index.html`. sirv keeps requests inside the folder; on top of it, dotfiles and source maps
 * are not served unless asked, a malformed path is a 400, and ranges are ignored (a demo page
 * never needs them, and a reversed range would make the file stream throw).
 */
export function createStaticFileServer(
  folder: string,
  options: StaticFileOptions = {},
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const serve = sirv(path.resolve(folder), {
    dev: true, // read the folder on each request: a rebuild shows without a restart
    etag: true,
    dotfiles: options.dotfiles ?? false,
    setHeaders: (response, pathname) => {
      // Without an extension sirv serves `index.html` or `<name>.html`: an HTML page either way.
      response.setHeader(
        'Content-Type',
        contentTypeFor(path.extname(pathname) === '' ? 'index.html' : pathname),
      );
      response.setHeader('Cache-Control', 'no-cache');
    },
    onNoMatch: (_request, response) => answer(response, 404, 'Not Found'),
  });

  function serveStatic(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      answer(response, 405, 'Method Not Allowed');
      return;
    }
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
    if (hidden(pathname, options)) {
      answer(response, 404, 'Not Found');
      return;
    }
    delete request.headers.range;
    serve(request, response);
  }
  return (request, response) => {
    serveStatic(request, response);
    return Promise.resolve();
  };
}

/**
 * Serves several folders under URL prefixes, e.g. `{ '/': 'examples', '/dist/': 'dist' }`; the
 * longest matching prefix wins, and the rest of the path is looked up in its folder.
 */
export function createStaticMounts(
  mounts: Readonly<Record<string, string>>,
  options: StaticFileOptions = {},
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const servers = Object.entries(mounts)
    .map(([prefix, folder]) => ({
      prefix: prefix.endsWith('/') ? prefix : `${prefix}/`,
      serve: createStaticFileServer(folder, options),
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
