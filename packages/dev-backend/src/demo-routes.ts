import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { toNodeListener } from '@chat-sessions/sdk/metadata/server';
import { createDemoEvents } from './demo-events.js';
import { DEMO_BROKERS_SQL, resetDemoData } from './demo-reset.js';
import { createDemoSessions, type DemoHosts } from './demo-session.js';
import type { DemoTokens } from './demo-tokens.js';
import type { Executor } from './executor.js';
import { verifyJwt } from './jwt.js';
import { readLimitedBody } from './read-body.js';
import { refuseDeepJson } from './request-limits.js';
import type { RestRequest, RestResponse } from './rest-handler.js';

/**
 * Development-only routes for the demo page (mounted by `npm start`, never part of a real
 * deployment): a demo session for the page, the demo brokers and short-lived tokens, a
 * "simulate operator reply" that goes through the service-role path on the server (the browser
 * never holds the service-role key), a reset to the seed data, nudges for open pages, and the
 * session-metadata endpoint.
 *
 * Every `/demo-api/*` route but the one that opens the session demands the demo session (an
 * HttpOnly SameSite=Strict cookie, see demo-session.ts), and answers only the demo's own origin.
 */
export interface DemoRoutesOptions {
  handleRest: (request: RestRequest) => Promise<RestResponse>;
  executor: Executor;
  tokens: DemoTokens;
  jwtSecret: string;
  /** Mount `/demo-api/*` (the metadata endpoint alone otherwise). */
  demo: boolean;
  /** Which Host headers the demo answers (default loopback names only). */
  demoHosts?: DemoHosts;
  /** A fetch-style metadata handler mounted at `/metadata/parse`, when given. */
  metadataHandler?: (request: Request) => Promise<Response>;
}

/** Largest body a demo route reads. */
const MAX_DEMO_BODY_BYTES = 64 * 1024;
/** Lifetime of the brokers' tokens the demo page gets (it asks again before they expire). */
const DEMO_TOKEN_LIFETIME_SECONDS = 3600;

/** A demo broker as the page's switcher shows it. */
export interface DemoBroker {
  id: string;
  email: string;
  name: string;
  accessToken: string;
  /** When `accessToken` expires (seconds since the epoch). */
  expiresAt: number;
}

const OperatorReplySchema = z.strictObject({
  sessionId: z.uuid(),
  content: z.string().min(1).max(32000).optional(),
  operatorName: z.string().min(1).max(200).optional(),
});

const OPERATORS = [
  'Summit Aviation',
  'Blue Harbor Jets',
  'Redline Charter',
  'Atlantic Air Partners',
  'Coastal Jet Group',
  'Mountain West Jets',
];
const AIRCRAFT = [
  'Challenger 350',
  'Citation Latitude',
  'Praetor 600',
  'Gulfstream G450',
  'Phenom 300',
  'Falcon 2000',
];

function cannedReply(): string {
  const aircraft = AIRCRAFT[Math.floor(Math.random() * AIRCRAFT.length)] ?? 'Challenger 350';
  const price = 9 + Math.floor(Math.random() * 60);
  return `${aircraft} available for your dates. $${price},${Math.random() < 0.5 ? '400' : '900'} all-in, catering included.`;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  send(response, status, { code, message, details: null, hint: null });
}

class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON body of at most 64 KiB (413 beyond, 415 if it isn't declared JSON). */
async function readJson(request: IncomingMessage, response: ServerResponse): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
    throw new RequestRefused(415, 'unsupported_media_type', 'Send the body as application/json');
  const read = await readLimitedBody(request, response, MAX_DEMO_BODY_BYTES);
  if (!read.ok) {
    for (const [name, value] of Object.entries(read.headers)) response.setHeader(name, value);
    throw new RequestRefused(read.status, 'payload_too_large', read.message);
  }
  if (read.text.trim() === '') return {};
  if (nestsTooDeep(read.text))
    throw new RequestRefused(400, 'validation', 'The body is nested too deeply');
  try {
    return JSON.parse(read.text) as unknown;
  } catch {
    throw new RequestRefused(400, 'validation', 'The body is not JSON');
  }
}

function nestsTooDeep(text: string): boolean {
  try {
    refuseDeepJson(text, 'body');
    return false;
  } catch {
    return true;
  }
}

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization ?? '';
  return header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : null;
}

/** The demo routes and what they share with the server. */
export interface DemoRoutes {
  /** Answers the request when it is a demo or metadata route (then true). */
  handle(
    this: void,
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<boolean>;
  /** Tells open demo pages to poll now (after a write the server made itself). */
  nudge(brokerId: string | null): void;
}

/** Creates the demo routes. */
export function createDemoRoutes(options: DemoRoutesOptions): DemoRoutes {
  const sessions = createDemoSessions({ hosts: options.demoHosts ?? 'loopback' });
  const events = createDemoEvents();

  async function rpc(
    token: string,
    fn: string,
    args: Record<string, unknown>,
  ): Promise<RestResponse> {
    return options.handleRest({
      method: 'POST',
      path: `/rpc/${fn}`,
      query: new URLSearchParams(),
      headers: {
        authorization: `Bearer ${token}`,
        'content-profile': 'chat',
        'content-type': 'application/json',
      },
      body: JSON.stringify(args),
    });
  }

  /** The signed-in broker's id, from a token the local secret signed, or null. */
  async function brokerOf(request: IncomingMessage): Promise<string | null> {
    const token = bearer(request);
    if (!token) return null;
    try {
      const claims = await verifyJwt(token, options.jwtSecret);
      return claims.role === 'authenticated' && typeof claims.sub === 'string' ? claims.sub : null;
    } catch {
      return null;
    }
  }

  /** Refuses a request that is not the demo page's own, with its session. */
  function requireSession(request: IncomingMessage): void {
    const refusal = sessions.refusal(request);
    if (refusal) throw new RequestRefused(403, 'forbidden', refusal);
    if (!sessions.has(request)) {
      throw new RequestRefused(
        401,
        'no_demo_session',
        'Open the demo page first (POST /demo-api/session from the page sets its session)',
      );
    }
  }

  async function brokers(): Promise<DemoBroker[]> {
    // auth.users is not the API's to read: ask with the setup connection.
    const admin = await options.executor.admin();
    let rows: Array<{ id: string; email: string; name: string | null }>;
    try {
      rows = await admin.query<{ id: string; email: string; name: string | null }>(
        `select id::text, email, raw_user_meta_data ->> 'full_name' as name from auth.users
         where id in (${DEMO_BROKERS_SQL}) order by email`,
      );
    } finally {
      await admin.release();
    }
    const expiresAt = Math.floor(Date.now() / 1000) + DEMO_TOKEN_LIFETIME_SECONDS;
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name ?? row.email,
      accessToken: options.tokens.tokenFor(row.id, row.email, DEMO_TOKEN_LIFETIME_SECONDS),
      expiresAt,
    }));
  }

  async function openSession(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = sessions.refusal(request);
    if (refusal) throw new RequestRefused(403, 'forbidden', refusal);
    // JSON only: a cross-origin form can't send it, and a cross-origin script needs a preflight
    // that this route never grants.
    await readJson(request, response);
    sessions.open(response);
    send(response, 200, { session: true });
  }

  async function operatorReply(request: IncomingMessage, response: ServerResponse): Promise<void> {
    requireSession(request);
    const token = bearer(request);
    const broker = await brokerOf(request);
    if (!token || !broker) {
      sendError(response, 401, 'unauthenticated', 'Sign in as a demo broker first');
      return;
    }
    const parsed = OperatorReplySchema.safeParse(await readJson(request, response));
    if (!parsed.success) {
      sendError(
        response,
        400,
        'validation',
        parsed.error.issues.map((issue) => issue.message).join('; '),
      );
      return;
    }
    // As the broker first: the session must be theirs (row-level security decides).
    const threads = await rpc(token, 'list_operator_threads', {
      p_session_id: parsed.data.sessionId,
    });
    if (threads.status !== 200) {
      response.writeHead(threads.status, threads.headers);
      response.end(threads.body);
      return;
    }
    const existing = JSON.parse(threads.body ?? '[]') as Array<{
      id: string;
      operator_name: string;
    }>;
    const named = parsed.data.operatorName;
    const thread = named
      ? existing.find((t) => t.operator_name === named)
      : existing[Math.floor(Math.random() * existing.length)];
    const answer = await rpc(options.tokens.serviceRoleKey, 'record_operator_message', {
      p_message_id: randomUUID(),
      p_session_id: parsed.data.sessionId,
      p_content: parsed.data.content ?? cannedReply(),
      p_thread_id: thread?.id ?? randomUUID(),
      p_operator_name:
        thread?.operator_name ?? named ?? OPERATORS[Math.floor(Math.random() * OPERATORS.length)],
    });
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
    if (answer.status < 300) events.nudge('operator-reply', broker);
  }

  async function reset(request: IncomingMessage, response: ServerResponse): Promise<void> {
    requireSession(request);
    await readJson(request, response);
    await resetDemoData(options.executor);
    send(response, 200, { reset: true });
    events.nudge('reset', null);
  }

  function listen(request: IncomingMessage, response: ServerResponse): void {
    requireSession(request);
    if (!events.listen(response))
      sendError(response, 503, 'too_many_streams', 'Too many open demo pages');
  }

  /** Demo pages may use the metadata endpoint with their session; API clients with a token. */
  async function mayParse(request: IncomingMessage): Promise<boolean> {
    if (!options.demo) return true;
    if (sessions.refusal(request) === null && sessions.has(request)) return true;
    return (await brokerOf(request)) !== null;
  }

  async function metadata(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const handler = options.metadataHandler;
    if (!handler) {
      sendError(response, 404, 'not_found', 'No metadata endpoint is configured');
      return;
    }
    if (!(await mayParse(request))) {
      sendError(response, 401, 'unauthenticated', 'Open the demo page or send a broker token');
      return;
    }
    await toNodeListener(handler)(request, response);
  }

  async function route(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<boolean> {
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    if (url.pathname === '/metadata/parse') {
      await metadata(request, response);
      return true;
    }
    if (!options.demo) return false;
    switch (route) {
      case 'POST /demo-api/session':
        await openSession(request, response);
        return true;
      case 'GET /demo-api/config':
        requireSession(request);
        send(response, 200, { anonKey: options.tokens.anonKey, brokers: await brokers() });
        return true;
      case 'GET /demo-api/events':
        listen(request, response);
        return true;
      case 'POST /demo-api/operator-reply':
        await operatorReply(request, response);
        return true;
      case 'POST /demo-api/reset':
        await reset(request, response);
        return true;
      default:
        if (url.pathname.startsWith('/demo-api/')) {
          sendError(response, 404, 'not_found', `No demo route ${route.slice(0, 200)}`);
          return true;
        }
        return false;
    }
  }

  return {
    async handle(request, response, url) {
      try {
        return await route(request, response, url);
      } catch (error) {
        if (!(error instanceof RequestRefused)) throw error;
        sendError(response, error.status, error.code, error.message);
        return true;
      }
    },
    nudge(brokerId) {
      events.nudge('operator-reply', brokerId);
    },
  };
}
