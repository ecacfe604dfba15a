import type { ServerResponse } from 'node:http';

/**
 * Nudges for the demo's open pages: a Server-Sent Events stream (`GET /demo-api/events`) on
 * which the server says "poll now" after its own writes (a simulated operator reply, a reset),
 * so the local demo feels as live as a Supabase deployment with Realtime. A nudge carries no
 * data: the page polls the change feed, which stays the only source of truth; a lost nudge costs
 * only the wait until the next regular poll.
 */

/** Streams kept open at most (each is one socket). */
const MAX_LISTENERS = 64;
/** A comment line this often keeps proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/** Why the server nudges. */
export type DemoNudgeReason = 'operator-reply' | 'reset';

/** The open streams of one server. */
export interface DemoEvents {
  /** Starts a stream on the response; false when too many are open (answer 503 then). */
  listen(response: ServerResponse): boolean;
  /** Tells every open page to poll; `brokerId` lets other brokers' pages skip it. */
  nudge(reason: DemoNudgeReason, brokerId: string | null): void;
  /** Number of open streams (tests). */
  readonly size: number;
}

/** Creates the stream registry of one server. */
export function createDemoEvents(): DemoEvents {
  const listeners = new Set<ServerResponse>();
  let heartbeat: NodeJS.Timeout | undefined;

  const stopHeartbeatIfIdle = (): void => {
    if (listeners.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  };

  return {
    listen(response) {
      if (listeners.size >= MAX_LISTENERS) return false;
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // Tell the browser how soon to reconnect after the server restarts.
      response.write('retry: 2000\n\n');
      listeners.add(response);
      response.on('close', () => {
        listeners.delete(response);
        stopHeartbeatIfIdle();
      });
      heartbeat ??= setInterval(() => {
        for (const listener of listeners) listener.write(': keep-alive\n\n');
      }, HEARTBEAT_MS).unref();
      return true;
    },
    nudge(reason, brokerId) {
      const data = JSON.stringify({ reason, brokerId });
      for (const listener of listeners) listener.write(`event: nudge\ndata: ${data}\n\n`);
    },
    get size() {
      return listeners.size;
    },
  };
}
