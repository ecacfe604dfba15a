import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { DemoTokens } from './demo-tokens.js';
import type { Executor } from './executor.js';
import { verifyJwt } from './jwt.js';
import { seedPath } from './migrate.js';
import type { RestRequest, RestResponse } from './rest-handler.js';

/**
 * Development-only routes for the demo page (mounted by `npm start`, never part of a real
 * deployment): the demo brokers and their tokens, a "simulate operator reply" that goes through
 * the service-role path on the server (the browser never holds the service-role key), a reset to
 * the seed data, and the session-metadata endpoint.
 */
export interface DemoRoutesOptions {
  handleRest: (request: RestRequest) => Promise<RestResponse>;
  executor: Executor;
  tokens: DemoTokens;
  jwtSecret: string;
  /** Mount `/demo-api/*` (the metadata endpoint alone otherwise). */
  demo: boolean;
  /** A fetch-style metadata handler mounted at `/metadata/parse`, when given. */
  metadataHandler?: (request: Request) => Promise<Response>;
}

/** A demo broker as the page's switcher shows it. */
export interface DemoBroker {
  id: string;
  email: string;
  name: string;
  accessToken: string;
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
  const aircraft = AIRCRAFT[Math.floor(Math.random() * AIRCRAFT.length)]!;
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

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > 64 * 1024) throw new Error('request body too large');
  }
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization ?? '';
  return header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : null;
}

/** Creates the demo routes; the returned function answers true when it handled the request. */
export function createDemoRoutes(options: DemoRoutesOptions) {
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
  function brokerOf(request: IncomingMessage): string | null {
    const token = bearer(request);
    if (!token) return null;
    try {
      const claims = verifyJwt(token, options.jwtSecret);
      return claims.role === 'authenticated' && typeof claims.sub === 'string' ? claims.sub : null;
    } catch {
      return null;
    }
  }

  async function brokers(): Promise<DemoBroker[]> {
    // auth.users is not the API's to read: ask with the setup connection.
    const admin = await options.executor.admin();
    let rows: Array<{ id: string; email: string; name: string | null }>;
    try {
      rows = await admin.query<{ id: string; email: string; name: string | null }>(
        `select id::text, email, raw_user_meta_data ->> 'full_name' as name from auth.users
         where email like '%@skyline-charter.example' order by email`,
      );
    } finally {
      await admin.release();
    }
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name ?? row.email,
      accessToken: options.tokens.tokenFor(row.id, row.email, 7 * 24 * 3600),
    }));
  }

  async function operatorReply(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const token = bearer(request);
    if (!token || !brokerOf(request)) {
      sendError(response, 401, 'unauthenticated', 'Sign in as a demo broker first');
      return;
    }
    const parsed = OperatorReplySchema.safeParse(await readJson(request));
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
  }

  async function reset(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!brokerOf(request)) {
      sendError(response, 401, 'unauthenticated', 'Sign in as a demo broker first');
      return;
    }
    const admin = await options.executor.admin();
    try {
      await admin.runScript(`begin;\n${await readFile(seedPath, 'utf8')}\n;commit;`);
    } finally {
      await admin.release();
    }
    send(response, 200, { reset: true });
  }

  async function metadata(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    const handler = options.metadataHandler;
    if (!handler) {
      sendError(response, 404, 'not_found', 'No metadata endpoint is configured');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const method = request.method ?? 'GET';
    const answer = await handler(
      new Request(url, {
        method,
        headers,
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
      }),
    );
    response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
    response.end(Buffer.from(await answer.arrayBuffer()));
  }

  return async function handleDemo(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<boolean> {
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    if (url.pathname === '/metadata/parse') {
      await metadata(request, response, url);
      return true;
    }
    if (!options.demo) return false;
    try {
      switch (route) {
        case 'GET /demo-api/config':
          send(response, 200, { anonKey: options.tokens.anonKey, brokers: await brokers() });
          return true;
        case 'POST /demo-api/operator-reply':
          await operatorReply(request, response);
          return true;
        case 'POST /demo-api/reset':
          await reset(request, response);
          return true;
        default:
          if (url.pathname.startsWith('/demo-api/')) {
            sendError(response, 404, 'not_found', `No demo route ${route}`);
            return true;
          }
          return false;
      }
    } catch (error) {
      if (error instanceof SyntaxError) {
        sendError(response, 400, 'validation', 'The body is not JSON');
        return true;
      }
      throw error;
    }
  };
}
