import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { RestRequest, RestResponse } from './rest-handler.js';

/**
 * The node:http front: CORS (as Supabase's gateway answers browsers), the `/rest/v1` API, and
 * optionally a folder of static files at `/` for a demo page.
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
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Options of {@link createGatewayServer}. */
export interface GatewayServerOptions {
  handleRest: (request: RestRequest) => Promise<RestResponse>;
  /** Serves everything outside `/rest/v1` when given. */
  serveStatic?: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** Extra routes tried before the static files (the demo's); answers true when it handled one. */
  handleExtra?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': EXPOSED_RESPONSE_HEADERS,
    ...(origin ? { Vary: 'Origin' } : {}),
  };
}

function preflightHeaders(request: IncomingMessage): Record<string, string> {
  const requested = (request.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  return {
    ...corsHeaders(request),
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': [...new Set([...ALLOWED_REQUEST_HEADERS, ...requested])].join(
      ', ',
    ),
    'Access-Control-Max-Age': '86400',
  };
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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
  const url = new URL(request.url ?? '/', 'http://localhost');
  const cors = corsHeaders(request);

  if (request.method === 'OPTIONS') {
    response.writeHead(200, preflightHeaders(request));
    response.end();
    return;
  }

  if (url.pathname === '/rest/v1' || url.pathname.startsWith('/rest/v1/')) {
    let body: string;
    try {
      body = await readBody(request);
    } catch (error) {
      const status = error instanceof BodyTooLarge ? 413 : 400;
      sendJson(response, status, cors, {
        code: 'PGRST102',
        message: 'Could not read the request body',
        details: null,
        hint: null,
      });
      return;
    }
    const answer = await options.handleRest({
      method: request.method ?? 'GET',
      path: url.pathname.slice('/rest/v1'.length) || '/',
      query: url.searchParams,
      headers: request.headers,
      body,
    });
    response.writeHead(answer.status, { ...cors, ...answer.headers });
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
  return createServer((request, response) => {
    route(request, response, options).catch((error: unknown) => {
      console.error('[dev-backend] request failed', error);
      if (!response.headersSent) {
        sendJson(response, 500, corsHeaders(request), {
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
}
