// The server the end-to-end tests drive: the real `npm start` command line, as a child process,
// on a port the OS picks, over a fresh database (a clone of the harness's migrated PostgreSQL
// database, or PGlite in a folder of its own).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './db.js';
import { openDemoSession } from './demo-session.js';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The bundle both demo pages load (`/dist/chat-sessions-with-supabase.bundle.js`), as `npm start`
 * builds it (scripts/build-demo.mjs) into its own folder: `npm run build` never touches it.
 */
export const demoBundle = path.join(
  repositoryRoot,
  '.cache/demo/dist/chat-sessions-with-supabase.bundle.js',
);

/** The seed's demo brokers (supabase/seed.sql). */
export const AVA = '11111111-1111-4111-8111-111111111111';
export const BEN = '22222222-2222-4222-8222-222222222222';

/** A broker as `/demo-api/config` lists them. */
export interface DemoBroker {
  id: string;
  email: string;
  name: string;
  accessToken: string;
}

/** A running `npm start`. */
export interface DemoServer {
  /** e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** `postgres` or `pglite`, as the CLI reported it. */
  kind: string;
  /** From spawning the CLI to its "ready" line. */
  startupMs: number;
  /** Everything the CLI printed so far (for failure messages). */
  output(): string;
  /** The demo brokers with their user tokens. */
  brokers(): Promise<DemoBroker[]>;
  /** Restores the seed data through the demo's own reset route. */
  reset(): Promise<void>;
  /** Stops the CLI (SIGTERM, then SIGKILL) and waits for it to exit. Databases are kept. */
  stop(): Promise<void>;
  /**
   * The server goes away: the CLI is stopped (its port then refuses connections), its database
   * kept, until {@link DemoServer.restart}. For fault tests.
   */
  halt(): Promise<void>;
  /** Starts the same command again on the same port, over the same database and JWT secret. */
  restart(): Promise<void>;
  /** The PostgreSQL database's superuser URL (assertions only), or null over PGlite. */
  readonly databaseUrl: string | null;
}

const STARTUP_TIMEOUT_MS = 120_000;
const BUILD_TIMEOUT_MS = 5 * 60_000;

/**
 * Builds the demo bundle the way `npm start` does (scripts/build-demo.mjs: nothing to do when it
 * is up to date; parallel test files wait for the one that builds, on the script's own lock).
 */
export async function ensureDemoBundle(): Promise<void> {
  await run(process.execPath, ['scripts/build-demo.mjs', '--quiet'], BUILD_TIMEOUT_MS);
  if (!existsSync(demoBundle))
    throw new Error(`node scripts/build-demo.mjs did not produce ${demoBundle}`);
}

function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}):\n${output}`)),
    );
  });
}

/** Where the demo's data lives: a PostgreSQL clone (fast), or PGlite (the embedded default). */
export type DemoDatabase = { kind: 'postgres' } | { kind: 'pglite'; dir: string };

/**
 * Starts `npm start`'s command (package.json's `start` script, run with this Node, plus
 * `--port 0 --no-build`) and waits for the URL it prints. For `postgres`, the database is a
 * fresh clone of the harness's migrated template (the CLI seeds it), dropped by `stop()`.
 */
export async function startDemoServer(
  database: DemoDatabase = { kind: 'postgres' },
): Promise<DemoServer> {
  await ensureDemoBundle();
  let db: TestDatabase | null = null;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  delete env.OPENAI_API_KEY;
  delete env.OPENAI_BASE_URL;
  delete env.PORT;
  const args = [...(await npmStartArguments()), '--port', '0', '--no-build'];
  if (database.kind === 'postgres') {
    db = await createTestDatabase('e2e');
    env.DATABASE_URL = db.adminUrl;
    // Over DATABASE_URL the CLI wants its own secret and an explicit --demo.
    env.JWT_SECRET = randomBytes(32).toString('hex');
    args.push('--demo');
  } else {
    args.push('--pglite-dir', database.dir);
  }

  let launched: Launched | null = null;
  try {
    launched = await launch(args, env);
    await checkBundleMount(launched.url);
    return serverHandle(launched, { args, env }, db);
  } catch (error) {
    if (launched) await stopChild(launched.child, launched.exited);
    await db?.drop();
    throw error;
  }
}

/** One run of the CLI: its process, and what it printed when ready. */
interface Launched {
  child: ChildProcess;
  exited: Promise<void>;
  url: string;
  kind: string;
  startupMs: number;
  output: () => string;
}

/** Spawns the CLI and waits for its "ready" line and URL (stops it again on failure). */
async function launch(args: string[], env: NodeJS.ProcessEnv): Promise<Launched> {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, args, {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const { url, kind } = await new Promise<{ url: string; kind: string }>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `npm start did not print its URL within ${STARTUP_TIMEOUT_MS} ms:\n${output}`,
            ),
          ),
        STARTUP_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /ready in \d+ ms/.test(output)
          ? /^\s*URL:\s+(http:\/\/\S+)\s*$/m.exec(output)
          : null;
        const kindMatch = /dev backend \((\w+)\) ready/.exec(output);
        if (ready?.[1] && kindMatch?.[1]) {
          clearTimeout(timer);
          resolve({ url: ready[1], kind: kindMatch[1] });
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${signal ?? code}) before it was ready:\n${output}`));
      });
    });
    return { child, exited, url, kind, startupMs: Date.now() - spawnedAt, output: () => output };
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
}

/** Node's arguments of the `start` script in package.json (`node <these>`), so the tests follow it. */
async function npmStartArguments(): Promise<string[]> {
  const manifest = JSON.parse(
    await readFile(path.join(repositoryRoot, 'package.json'), 'utf8'),
  ) as { scripts?: Record<string, string> };
  const [program, ...args] = (manifest.scripts?.['start'] ?? '').trim().split(/\s+/);
  if (program !== 'node' || args.length === 0) {
    throw new Error(
      `the e2e tests expect package.json's start script to be \`node …\`, not ${JSON.stringify(manifest.scripts?.['start'])}`,
    );
  }
  return args;
}

/** The server serves the demo bundle under /dist/, as JavaScript. */
async function checkBundleMount(url: string): Promise<void> {
  const target = `${url}/dist/${path.basename(demoBundle)}`;
  const response = await fetch(target);
  await response.arrayBuffer();
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !/javascript/.test(type))
    throw new Error(`npm start does not serve ${target}: ${response.status} ${type}`);
}

function serverHandle(
  first: Launched,
  command: { args: string[]; env: NodeJS.ProcessEnv },
  db: TestDatabase | null,
): DemoServer {
  let brokers: Promise<DemoBroker[]> | null = null;
  let session: Promise<string> | null = null;
  let current: Launched | null = first;
  let earlierOutput = '';
  const { url, kind, startupMs } = first;
  const output = () => earlierOutput + (current?.output() ?? '');
  // /demo-api/* answers only the demo's own session, which a test opens as the page does.
  const cookie = (): Promise<string> => (session ??= openDemoSession(url));
  const halt = async (): Promise<void> => {
    if (!current) return;
    const running = current;
    current = null;
    earlierOutput += running.output();
    await stopChild(running.child, running.exited);
    // The demo's sessions die with the process.
    session = null;
  };
  const server: DemoServer = {
    url,
    kind,
    startupMs,
    databaseUrl: db?.adminUrl ?? null,
    output,
    brokers() {
      brokers ??= cookie()
        .then((value) => fetch(`${url}/demo-api/config`, { headers: { cookie: value } }))
        .then(async (response) => {
          if (!response.ok) throw new Error(`/demo-api/config answered ${response.status}`);
          return ((await response.json()) as { brokers: DemoBroker[] }).brokers;
        });
      return brokers;
    },
    async reset() {
      const response = await fetch(`${url}/demo-api/reset`, {
        method: 'POST',
        headers: { cookie: await cookie(), 'content-type': 'application/json' },
        body: '{}',
      });
      if (!response.ok)
        throw new Error(`/demo-api/reset answered ${response.status}: ${await response.text()}`);
    },
    halt,
    async restart() {
      await halt();
      const port = new URL(url).port;
      const args = command.args.map((arg, index) =>
        command.args[index - 1] === '--port' ? port : arg,
      );
      current = await launch(args, command.env);
      if (current.url !== url) throw new Error(`npm start came back on ${current.url}, not ${url}`);
    },
    async stop() {
      await halt();
      await db?.drop();
    },
  };
  return server;
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}
