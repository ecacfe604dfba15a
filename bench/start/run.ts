/**
 * `npm start` from a fresh checkout (`npm run bench -- start`, #16): how long a newcomer waits,
 * after `npm install`, until the demo's URL answers, and how long every later start takes.
 *
 * Each round copies the working tree's files (tracked and untracked, not ignored ones: no
 * .cache/, no dist/, no data) into a new folder whose node_modules links to this checkout's
 * installed packages (the state right after `npm install`), with a new TMPDIR (so tsx's
 * transform cache is cold too). There it runs `npm start -- --port 0 --pglite-dir <new folder>`
 * once (the first start: demo build, PGlite's first open, every migration, the seed), then twice
 * more on the same folder (later starts: build up to date, database migrated). A sample is the
 * time from spawning npm to the first 200 answer of the URL the CLI prints. The baseline, in the
 * same rounds, is a bare Node HTTP server started the same way (spawn to first 200): what any
 * start costs on this machine at this moment, so the ratios say how many of those a start is.
 *
 * Writes bench/results/start.md (BENCH_RESULTS_DIR) and prints it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimate, significant, table } from '../lib/format.js';
import { medianWithInterval, quantile } from '../lib/stats.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env['BENCH_START_ROUNDS'] ?? 3);
const LATER_PER_ROUND = 2;
const TIMEOUT_MS = 5 * 60_000;
const GOAL_FIRST_MS = 15_000;
const GOAL_LATER_MS = 5_000;

/** A copy of the working tree's files with node_modules linked as `npm install` leaves it. */
function freshCheckout(parent: string): string {
  const dir = path.join(parent, 'checkout');
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
    .split('\0')
    .filter((file) => file !== '');
  for (const file of files) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      cpSync(path.join(ROOT, file), target);
    } catch (error) {
      // A tracked file deleted in the working tree is simply not part of the copy.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  // node_modules: every installed package linked, the workspaces pointing at the copy's own.
  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, '@chat-sessions'), { recursive: true });
  for (const name of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (name === '@chat-sessions') continue;
    symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
  }
  for (const name of readdirSync(path.join(ROOT, 'node_modules/@chat-sessions'))) {
    symlinkSync(`../../packages/${name}`, path.join(modules, '@chat-sessions', name));
  }
  return dir;
}

interface Started {
  readonly ms: number;
  readonly output: string;
}

/**
 * Spawns `command` (its own process group), waits for a `URL: http://…` line, then polls that URL
 * until it answers 200; returns the time from spawn to that answer and stops the group.
 */
async function timeStart(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Started> {
  const spawnedAt = performance.now();
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no URL within ${TIMEOUT_MS} ms:\n${output}`)),
        TIMEOUT_MS,
      );
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /^\s*URL:\s+(http:\/\/\S+)\s*$/m.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${command} exited (${code}) before printing its URL:\n${output}`));
      });
    });
    for (;;) {
      const response = await fetch(url).catch(() => null);
      if (response?.status === 200) {
        await response.arrayBuffer();
        break;
      }
      if (response) throw new Error(`${url} answered ${response.status}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { ms: performance.now() - spawnedAt, output };
  } finally {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    await exited;
  }
}

const BARE_SERVER = `
const server = require('node:http').createServer((request, response) => response.end('ok'));
server.listen(0, '127.0.0.1', () => console.log('URL: http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** The environment `npm start` gets: the embedded default, nothing configured. */
function startEnvironment(tmp: string): NodeJS.ProcessEnv {
  const unset = new Set([
    'DATABASE_URL',
    'OPENAI_API_KEY',
    'OPENAI_BASE_URL',
    'PORT',
    'JWT_SECRET',
  ]);
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !unset.has(name)),
  );
  env['NO_COLOR'] = '1';
  env['TMPDIR'] = tmp;
  // npm's own update check would add a network wait that a newcomer may or may not have.
  env['npm_config_update_notifier'] = 'false';
  return env;
}

/** "~ 12.3 s (11.9–12.8)". */
function seconds(values: readonly number[]): string {
  const e = medianWithInterval(values);
  return estimate({ value: e.value / 1000, low: e.low / 1000, high: e.high / 1000 });
}

async function main(): Promise<void> {
  const began = new Date();
  const loadBefore = loadavg();
  const first: number[] = [];
  const later: number[] = [];
  const bare: number[] = [];
  const phases: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const parent = mkdtempSync(path.join(tmpdir(), 'chat-sessions-bench-start-'));
    try {
      const checkout = freshCheckout(parent);
      const tmp = path.join(parent, 'tmp');
      mkdirSync(tmp);
      const env = startEnvironment(tmp);
      const args = ['start', '--', '--port', '0', '--pglite-dir', path.join(parent, 'pglite')];
      bare.push((await timeStart(process.execPath, ['-e', BARE_SERVER], checkout, env)).ms);
      const cold = await timeStart('npm', args, checkout, env);
      first.push(cold.ms);
      if (round === 0) phases.push(...startPhases(cold.output));
      for (let index = 0; index < LATER_PER_ROUND; index++) {
        later.push((await timeStart('npm', args, checkout, env)).ms);
        bare.push((await timeStart(process.execPath, ['-e', BARE_SERVER], checkout, env)).ms);
      }
      console.error(
        `round ${round + 1}/${ROUNDS}: first ${Math.round(first.at(-1) ?? 0)} ms, later ${later
          .slice(-LATER_PER_ROUND)
          .map(Math.round)
          .join(', ')} ms`,
      );
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }
  const loadAfter = loadavg();
  const bareMedian = quantile(bare, 0.5);
  const firstMedian = quantile(first, 0.5);
  const laterMedian = quantile(later, 0.5);
  const row = (label: string, values: number[], goal: number | null): string[] => [
    label,
    String(values.length),
    seconds(values),
    significant(Math.max(...values) / 1000),
    significant(quantile(values, 0.5) / bareMedian),
    goal === null
      ? '–'
      : `≤ ${goal / 1000} s: ${Math.max(...values) <= goal ? 'met by every sample' : quantile(values, 0.5) <= goal ? 'median met, not every sample' : '**not met**'}`,
  ];
  const report = [
    '## Start',
    '',
    '<!-- Written by bench/start/run.ts; replaced as a whole on each run. -->',
    '',
    `Measured ${began.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`bench/start/run.ts\`: ${ROUNDS} rounds, each in a new copy of the working tree with node_modules linked as \`npm install\` leaves it, a new TMPDIR and a new PGlite folder. Load average (1 / 5 / 15 min) ${loadBefore.map((v) => v.toFixed(2)).join(' / ')} at the start, ${loadAfter.map((v) => v.toFixed(2)).join(' / ')} at the end. A sample is spawn of \`npm start -- --port 0 --pglite-dir …\` to the first 200 answer of the URL it prints. *First*: nothing built, no database (demo build, PGlite's first open, every migration, the seed). *Later*: the same folder again. The baseline is a bare Node HTTP server started the same way in the same rounds.`,
    '',
    table(
      ['start', 'n', 'median s (95 % CI)', 'max s', '÷ bare Node server', 'goal (#16)'],
      [
        row('First `npm start` after `npm install`', first, GOAL_FIRST_MS),
        row('Later start (built, migrated)', later, GOAL_LATER_MS),
        row('Baseline: bare Node HTTP server', bare, null),
      ],
      ['l', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
    `First start ÷ later start: ${significant(firstMedian / laterMedian)}.`,
    ...(phases.length > 0
      ? [
          '',
          'What the first start printed on its way (round 1):',
          '',
          ...phases.map((line) => `- ${line}`),
        ]
      : []),
    '',
  ].join('\n');
  const dir = process.env['BENCH_RESULTS_DIR'] ?? path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  await writeFile(path.join(dir, 'start.md'), report);
  console.log(report);
}

/** The CLI's progress lines of a start, without the URLs and paths that change every run. */
function startPhases(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /\bin \d+(\.\d+)? ?m?s\b|…|ready/.test(line))
    .filter((line) => !/https?:\/\//.test(line))
    .map((line) => line.replace(/\/\S*chat-sessions-bench-start-\S*/g, '<new folder>'));
}

await main();
