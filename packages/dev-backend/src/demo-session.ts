import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The demo's own session: an HttpOnly, SameSite=Strict cookie that only the demo page, served by
 * this server on its own origin, can obtain. Every `/demo-api/*` route demands it, so a page on
 * another origin (another local dev server, a site the developer visits, a DNS-rebinding page)
 * can neither read the demo brokers' tokens nor reset the data. The cookie carries nothing but a
 * random id known to this process; it dies with the process.
 */

/** The cookie's name. */
export const DEMO_SESSION_COOKIE = 'chat_sessions_demo';

/** How long a demo session lasts (a working day; a restart ends it sooner). */
const SESSION_LIFETIME_MS = 12 * 3600 * 1000;

/** Sessions kept at most; the oldest go first (a client minting sessions in a loop can't grow memory). */
const MAX_SESSIONS = 1000;

/** Which `Host` headers the demo answers: loopback names only, or any (`--demo` beyond loopback). */
export type DemoHosts = 'loopback' | 'any';

/** Options of {@link createDemoSessions}. */
export interface DemoSessionOptions {
  hosts: DemoHosts;
  /** The clock (tests). */
  now?: () => number;
}

/** The demo's sessions: open one for the demo page, and check requests against them. */
export interface DemoSessions {
  /** Why the request can't be the demo page's own (wrong host, another origin), or null. */
  refusal(request: IncomingMessage): string | null;
  /** Opens a session and sets its cookie on the response. */
  open(response: ServerResponse): void;
  /** True when the request carries a live session cookie. */
  has(request: IncomingMessage): boolean;
}

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === name)
      return part.slice(separator + 1).trim();
  }
  return undefined;
}

/** Creates the session registry of one server. */
export function createDemoSessions(options: DemoSessionOptions): DemoSessions {
  const now = options.now ?? Date.now;
  const sessions = new Map<string, number>();

  return {
    refusal(request) {
      const host = request.headers.host ?? '';
      // A DNS-rebinding page reaches 127.0.0.1 under its own name: the Host header gives it away.
      if (options.hosts === 'loopback' && !LOOPBACK_HOST.test(host))
        return `the demo answers only on a loopback address, not ${JSON.stringify(host.slice(0, 100))}`;
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`)
        return 'the demo answers only its own pages';
      // Browsers say where a request comes from; anything but the page itself is refused.
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none')
        return 'the demo answers only its own pages';
      return null;
    },
    open(response) {
      const id = randomBytes(32).toString('base64url');
      if (sessions.size >= MAX_SESSIONS) {
        const oldest = sessions.keys().next().value;
        if (oldest !== undefined) sessions.delete(oldest);
      }
      sessions.set(id, now() + SESSION_LIFETIME_MS);
      response.setHeader(
        'Set-Cookie',
        `${DEMO_SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_LIFETIME_MS / 1000}`,
      );
    },
    has(request) {
      const id = cookieValue(request, DEMO_SESSION_COOKIE);
      if (id === undefined) return false;
      const expires = sessions.get(id);
      if (expires === undefined) return false;
      if (expires < now()) {
        sessions.delete(id);
        return false;
      }
      return true;
    },
  };
}
