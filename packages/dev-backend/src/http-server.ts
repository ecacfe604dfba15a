import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readLimitedBody } from './read-body.js';
import { DEFAULT_MAX_BODY_BYTES } from './request-limits.js';
import type { RestRequest, RestResponse } from './rest-handler.js';

/**
 * The node:http front: the `/rest/v1` API, optionally a folder of static files at `/` for a demo
 * page, and CORS only for the origins it is told to allow (same-origin by default: a page on
 * another local port must not read the API's answers unless the developer says so).
 */

/** The headers supabase-js sends; a preflight allows them even if the browser does not list them. */
const ALLOWED_REQUEST_HEADERS = [
  'authorization',
  'apikey',
  'x-client-info',
  'content-type',
  'content-profile',
  'accept-profile',
  'prefer',
  'accept',
  'range',
  'x-retry-count',
  'x-supabase-api-version',
];
/** Response headers a browser script may read (supabase-js reads Content-Range for counts). */
const EXPOSED_RESPONSE_HEADERS =
  'Content-Range, Content-Location, Content-Type, Location, Preference-Applied, Range-Unit';
/** Receiving a whole request (headers and body) may take this long; slow senders are cut off. */
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 15_000;

/** Which cross-origin pages may call the server: none (the default), a list, or any (`'*'`). */
export type CorsOrigins = readonly string[] | '*';

/** Options of {@link createGatewayServer}. */
export interface GatewayServerOptions {
  handleRest: (request: RestRequest) => Promise<RestResponse>;
  /** Origins allowed to read answers from another origin (default none: same-origin only). */
  corsOrigins?: CorsOrigins;
  /** Largest `/rest/v1` body in bytes, enforced while it streams (default 1 MiB; 413 beyond). */
  maxBodyBytes?: number;
  /** Serves everything outside `/rest/v1` when given. */
  serveStatic?: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** Extra routes tried before the static files (the demo's); answers true when it handled one. */
  handleExtra?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
}

function corsHeaders(request: IncomingMessage, allowed: CorsOrigins): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined || (allowed !== '*' && !allowed.includes(origin))) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED_RESPONSE_HEADERS,
    Vary: 'Origin',
  };
}

function preflightHeaders(request: IncomingMessage, allowed: CorsOrigins): Record<string, string> {
  const cors = corsHeaders(request, allowed);
  // Not an allowed origin: no grant at all, so the browser keeps the request from being sent.
  if (Object.keys(cors).length === 0) return { Vary: 'Origin' };
  const requested = (request.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  return {
    ...cors,
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': [...new Set([...ALLOWED_REQUEST_HEADERS, ...requested])].join(
      ', ',
    ),
    'Access-Control-Max-Age': '86400',
  };
}

function sendJson(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: object,
): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  options: GatewayServerOptions,
): Promise<void> {
  const allowed = options.corsOrigins ?? [];
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://localhost');
  } catch {
    sendJson(
      response,
      400,
      {},
      {
        code: 'PGRST125',
        message: 'Invalid path specified in request URL',
        details: null,
        hint: null,
      },
    );
    return;
  }
  // The demo's own routes never answer another origin, whatever the CORS setting.
  const cors = url.pathname.startsWith('/demo-api/') ? {} : corsHeaders(request, allowed);

  if (request.method === 'OPTIONS') {
    response.writeHead(200, preflightHeaders(request, allowed));
    response.end();
    return;
  }

  if (url.pathname === '/rest/v1' || url.pathname.startsWith('/rest/v1/')) {
    const read = await readLimitedBody(
      request,
      response,
      options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    );
    if (!read.ok) {
      sendJson(
        response,
        read.status,
        { ...cors, ...read.headers },
        {
          code: 'PGRST102',
          message: read.message,
          details: null,
          hint: null,
        },
      );
      return;
    }
    const body = read.text;
    const answer = await options.handleRest({
      method: request.method ?? 'GET',
      path: url.pathname.slice('/rest/v1'.length) || '/',
      query: url.searchParams,
      headers: request.headers,
      body,
    });
    // Headers set one by one (not writeHead) so `end` can add Content-Length for the body
    // instead of chunking it.
    response.statusCode = answer.status;
    for (const [name, value] of Object.entries(cors)) response.setHeader(name, value);
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.end(request.method === 'HEAD' ? undefined : answer.body);
    return;
  }

  if (options.handleExtra) {
    for (const [name, value] of Object.entries(cors)) response.setHeader(name, value);
    if (await options.handleExtra(request, response, url)) return;
  }

  if (options.serveStatic) {
    for (const [name, value] of Object.entries(cors)) response.setHeader(name, value);
    await options.serveStatic(request, response);
    return;
  }
  sendJson(response, 404, cors, {
    code: 'PGRST125',
    message: 'Invalid path specified in request URL',
    details: null,
    hint: null,
  });
}

/** Creates (does not start) the HTTP server. */
export function createGatewayServer(options: GatewayServerOptions): Server {
  const server = createServer((request, response) => {
    route(request, response, options).catch((error: unknown) => {
      console.error('[dev-backend] request failed', error);
      if (!response.headersSent) {
        sendJson(response, 500, corsHeaders(request, options.corsOrigins ?? []), {
          code: 'PGRSTX00',
          message: 'Internal server error',
          details: null,
          hint: null,
        });
      } else {
        response.destroy();
      }
    });
  });
  // A client that sends its request a byte at a time (slowloris) is cut off with a 408.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  return server;
}
