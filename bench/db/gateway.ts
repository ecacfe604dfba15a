import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  createClient,
  type SupabaseClient,
  type WebSocketLikeConstructor,
} from '@supabase/supabase-js';
import WebSocket from 'ws';
import { demoTokens } from '../../packages/dev-backend/src/index.js';
import { seededRandom, shuffled } from '../lib/stats.js';
import type { ApiSession } from './api-session.js';
import type { Samples } from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The local gateway running in a child process. */
export interface GatewayProcess {
  url: string;
  jwtSecret: string;
  stop(): Promise<void>;
}

/** Options of {@link startGateway}. */
export interface StartGatewayOptions {
  /** The process script (default this folder's gateway-process.ts; another checkout's to compare). */
  script?: string;
  /** Extra Node flags for the gateway process (e.g. `--cpu-prof`). */
  nodeFlags?: readonly string[];
  /** Extra environment of the gateway process. */
  env?: Record<string, string>;
}

/** Starts bench/db/gateway-process.ts over `databaseUrl` (a superuser URL of the migrated database). */
export async function startGateway(
  databaseUrl: string,
  options: StartGatewayOptions = {},
): Promise<GatewayProcess> {
  const jwtSecret = randomBytes(32).toString('hex');
  const script = options.script ?? path.join(here, 'gateway-process.ts');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', ...(options.nodeFlags ?? []), script],
    {
      cwd: path.resolve(path.dirname(script), '../..'),
      env: {
        ...process.env,
        ...options.env,
        BENCH_DATABASE_URL: databaseUrl,
        BENCH_JWT_SECRET: jwtSecret,
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line as string),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the gateway process exited (${String(code)}) before listening`);
    }),
  ]);
  const { url } = JSON.parse(first) as { url: string };
  return {
    url,
    jwtSecret,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The HTTP floor (bench/db/http-floor-process.ts): a bare Node server that answers every request
 * with `body`, the exact bytes the gateway sent for the list page. No database, no gateway work.
 */
export async function startHttpFloor(body: Buffer, folder: string): Promise<GatewayProcess> {
  const file = path.join(folder, `chat-sessions-http-floor-${process.pid}.json`);
  await writeFile(file, body);
  const floor = await startGateway('unused', {
    script: path.join(here, 'http-floor-process.ts'),
    env: { BENCH_FLOOR_BODY: file },
  });
  return {
    ...floor,
    async stop() {
      await floor.stop();
      await rm(file, { force: true });
    },
  };
}

/**
 * The least HTTP front (bench/db/relay-process.ts): a bare Node server holding one connection
 * already acting as `sub`, answering every request with the direct call's list page as
 * PostgreSQL wrote it. No routing, JWT, transaction or settings: the bound any gateway in Node
 * on this machine starts from.
 */
export function startRelay(databaseUrl: string, sub: string): Promise<GatewayProcess> {
  return startGateway(databaseUrl, {
    script: path.join(here, 'relay-process.ts'),
    env: { BENCH_RELAY_SUB: sub },
  });
}

/** The list page's body exactly as the gateway sends it (for the HTTP floor). */
export async function listPageBytes(gateway: GatewayProcess, userId: string): Promise<Buffer> {
  const tokens = demoTokens(gateway.jwtSecret);
  const response = await fetch(
    `${gateway.url}/rest/v1/rpc/list_sessions?p_tab=active&p_sort=recent&p_limit=50`,
    {
      headers: {
        apikey: tokens.anonKey,
        authorization: `Bearer ${tokens.tokenFor(userId)}`,
        'accept-profile': 'chat',
      },
    },
  );
  if (response.status !== 200)
    throw new Error(`list_sessions through the gateway answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** A supabase-js client signed in as `userId` against the gateway, as a host page would hold it. */
export function supabaseAs(gateway: GatewayProcess, userId: string): SupabaseClient {
  const tokens = demoTokens(gateway.jwtSecret);
  const token = tokens.tokenFor(userId);
  return createClient(gateway.url, tokens.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket; supabase-js needs one even with realtime unused.
    realtime: { transport: WebSocket as unknown as WebSocketLikeConstructor },
    accessToken: async () => token,
  });
}

/** One way of making a call, timed from the caller's side. */
interface Call {
  key: string;
  run(sample: number): Promise<void>;
}

/** The list page through `client` as the `key` call, or no call without a client. */
function listThrough(key: string, name: string, client: SupabaseClient | undefined): Call[] {
  if (!client) return [];
  const chat = client.schema('chat');
  return [
    {
      key,
      async run() {
        const { data, error } = await chat.rpc(
          'list_sessions',
          { p_tab: 'active', p_sort: 'recent', p_limit: 50 },
          { get: true },
        );
        if (error || !data)
          throw new Error(`the list page through ${name} failed: ${error?.message}`);
      },
    },
  ];
}

/**
 * Times the first list page and an append, each through supabase-js → gateway → PostgreSQL and
 * as one direct SQL call on an open connection, from the caller's side (what an application
 * waits for). Interleaved in random order per round; warm-up rounds dropped. Reads go as GET
 * with null arguments left out, as the SDK sends them.
 */
export async function measureGatewayOverhead(
  supabase: SupabaseClient,
  direct: ApiSession,
  appendTargets: readonly string[],
  options: {
    rounds: number;
    warmupRounds: number;
    seed?: number;
    /** supabase-js against the HTTP floor ({@link startHttpFloor}): the `floor-list` call. */
    floor?: SupabaseClient;
    /** supabase-js against the least HTTP front ({@link startRelay}): the `relay-list` call. */
    relay?: SupabaseClient;
  },
): Promise<Samples> {
  const chat = supabase.schema('chat');
  const content = (i: number) =>
    `Can the operator confirm the tail number for Friday? (gateway benchmark ${i})`;
  const calls: Call[] = [
    ...listThrough('gateway-list', 'the gateway', supabase),
    ...listThrough('floor-list', 'the HTTP floor', options.floor),
    ...listThrough('relay-list', 'the least HTTP front', options.relay),
    {
      key: 'direct-list',
      async run() {
        await direct.client.query(
          `select chat.list_sessions('active', 'recent', null, null, 50) as page`,
        );
      },
    },
    {
      key: 'gateway-append',
      async run(i) {
        const { error } = await chat.rpc('append_message', {
          p_id: randomUUID(),
          p_session_id: appendTargets[i % appendTargets.length],
          p_content: content(i),
        });
        if (error) throw new Error(`append_message through the gateway failed: ${error.message}`);
      },
    },
    {
      key: 'direct-append',
      async run(i) {
        await direct.client.query('select chat.append_message($1, $2, $3) as message', [
          randomUUID(),
          appendTargets[i % appendTargets.length],
          content(i),
        ]);
      },
    },
  ];
  const random = seededRandom(options.seed ?? 11);
  const samples: Samples = new Map(calls.map((c) => [c.key, []]));
  let sample = 0;
  for (let round = 0; round < options.rounds; round++) {
    for (const call of shuffled(calls, random)) {
      const started = performance.now();
      await call.run(sample++);
      const ms = performance.now() - started;
      if (round >= options.warmupRounds) samples.get(call.key)!.push(ms);
    }
  }
  return samples;
}
