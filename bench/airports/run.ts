/**
 * Airport benchmark (`npm run bench -- airports`): what the airport table (every airport with an
 * IATA or ICAO code) costs where brokers feel it.
 *
 * - In process (Node, as a server or the lazy chunk runs it): `searchAirports` for every
 *   keystroke of typical picker queries, against a naive picker in the same run (a linear scan
 *   of every airport's folded name and city, ranked the same way); p50 and p99.
 * - In Chromium (puppeteer-core, /usr/bin/chromium): quick create's preview per keystroke
 *   (parse + render + layout) against echoing the text (render + layout) in the same page, and
 *   the first use: the lazy import of the metadata chunk against a lazy import of an empty one.
 *
 * Writes bench/results/airports.md (BENCH_RESULTS_DIR) and prints it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { allAirports } from '../../packages/sdk/src/metadata/airports/airport-directory.js';
import { nameKey } from '../../packages/sdk/src/metadata/text/normalize.js';
import {
  AIRPORT_DATASET,
  parseFlightRequest,
  searchAirports,
} from '../../packages/sdk/src/metadata/index.js';
import { CHARTER_PHRASINGS } from '../../packages/sdk/test/metadata/charter-phrasings.data.js';
import { serveFolder } from '../browser/serve.js';
import { count, estimate, ratio, significant, table } from '../lib/format.js';
import {
  medianWithInterval,
  quantile,
  ratioOfMedians,
  seededRandom,
  shuffled,
} from '../lib/stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env['BENCH_AIRPORT_ROUNDS'] ?? 12);
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
];
const REFERENCE = { referenceDate: '2026-12-01', timeZone: 'America/New_York' };

/** What brokers type into an airport picker; every prefix of each is one keystroke. */
const PICKER_QUERIES = [
  'teterboro',
  'the vineyard',
  'st barths',
  'scottsdale',
  'london',
  'marthas',
  'KSDL',
  'MVY',
  'palm beach',
  'courchevel',
  'nantucket',
  'biggin hill',
  'opa locka',
  'mustique',
  'le bourget',
  'van nuys',
];
const KEYSTROKES = PICKER_QUERIES.flatMap((query) =>
  Array.from({ length: query.length }, (_, index) => query.slice(0, index + 1)),
);
/** Broker messages typed into quick create (a sample of the charter corpus). */
const MESSAGES = CHARTER_PHRASINGS.filter((_, index) => index % 6 === 0).map((p) => p.text);

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** A naive picker: every airport's folded name and city scanned for the query, ranked by size. */
function naivePicker(): (query: string) => unknown[] {
  const rows = allAirports().map((airport) => ({
    airport,
    text: `${nameKey(airport.name)} ${nameKey(airport.city)} ${(airport.iata ?? '').toLowerCase()} ${(airport.icao ?? '').toLowerCase()}`,
  }));
  return (query) => {
    const key = nameKey(query);
    return rows
      .filter((row) => row.text.includes(key))
      .sort((a, b) => a.airport.tier - b.airport.tier)
      .slice(0, 8);
  };
}

function summary(values: number[]): string[] {
  const m = medianWithInterval(values);
  return [
    count(values.length),
    estimate(m),
    significant(quantile(values, 0.99)),
    significant(Math.max(...values)),
  ];
}

async function inProcess(): Promise<string> {
  const coldStarted = performance.now();
  searchAirports('teterboro');
  const coldMs = performance.now() - coldStarted;
  const naive = naivePicker();
  const search: number[] = [];
  const baseline: number[] = [];
  const parse: number[] = [];
  const random = seededRandom(12);
  for (let round = 0; round < ROUNDS + 2; round += 1) {
    // The first two rounds warm the JIT and are not recorded.
    const record = round >= 2;
    for (const query of shuffled(KEYSTROKES, random)) {
      const pair = [() => searchAirports(query), () => naive(query)] as const;
      const first = round % 2 === 0 ? 0 : 1;
      for (const which of [first, 1 - first]) {
        const ms = timed(pair[which] ?? (() => undefined));
        if (record) (which === 0 ? search : baseline).push(ms);
      }
    }
    for (const text of MESSAGES) {
      const ms = timed(() => parseFlightRequest(text, REFERENCE));
      if (record) parse.push(ms);
    }
  }
  const header = ['Path', 'n', 'p50 ms (95 % CI)', 'p99 ms', 'max ms'];
  return [
    `### In process (Node ${process.version}, the table as the lazy chunk and a server load it)`,
    '',
    `${count(AIRPORT_DATASET.airportCount)} airports. First search (parses the table, builds the name and search indexes): ${significant(coldMs)} ms, once per process or page. Then ${ROUNDS} rounds (2 more dropped as warm-up) of every keystroke of ${PICKER_QUERIES.length} picker queries (${KEYSTROKES.length} prefixes), the two pickers interleaved in alternating order, and ${MESSAGES.length} broker messages parsed per round.`,
    '',
    table(
      header,
      [
        ['Type-ahead, `searchAirports` (word-start buckets)', ...summary(search)],
        ['Type-ahead, naive scan of every airport (baseline)', ...summary(baseline)],
        ['Quick-create parse, `parseFlightRequest`', ...summary(parse)],
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Type-ahead against the naive scan (ratio of medians, 95 % CI): ${ratio(ratioOfMedians(search, baseline))}.`,
  ].join('\n');
}

async function inBrowser(): Promise<string> {
  const outdir = await mkdtemp(path.join(tmpdir(), 'airport-bench-'));
  const server = await serveFolder(outdir);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const built = await build({
      entryPoints: { page: path.join(here, 'page.ts') },
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      conditions: ['production', '@chat-sessions/source'],
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    });
    const chunkBytes = Object.entries(built.metafile.outputs)
      .filter(([file]) => !file.endsWith('page.js'))
      .reduce((total, [, output]) => total + output.bytes, 0);
    await writeFile(
      path.join(outdir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>airports</title></head><body><script type="module" src="./page.js"></script></body></html>',
    );
    const importMs: number[] = [];
    const firstParseMs: number[] = [];
    const tinyMs: number[] = [];
    const parse: number[] = [];
    const echo: number[] = [];
    for (let round = 0; round < ROUNDS + 1; round += 1) {
      const page = await browser.newPage();
      await page.setCacheEnabled(false);
      await page.goto(`${server.origin}/index.html`);
      await page.waitForFunction(() => typeof window.benchLoad === 'function');
      const tiny = await page.evaluate(() => window.benchLoadTiny());
      const load = await page.evaluate(() => window.benchLoad());
      for (const text of MESSAGES) {
        const modes = round % 2 === 0 ? (['parse', 'echo'] as const) : (['echo', 'parse'] as const);
        for (const mode of modes) {
          const times = await page.evaluate((t, m) => window.benchType(t, m), text, mode);
          if (round > 0) (mode === 'parse' ? parse : echo).push(...times);
        }
      }
      if (round > 0) {
        tinyMs.push(tiny);
        importMs.push(load.importMs);
        firstParseMs.push(load.firstParseMs);
      }
      await page.close();
    }
    const header = ['Path', 'n', 'p50 ms (95 % CI)', 'p99 ms', 'max ms'];
    return [
      `### In the browser (${await browser.version()}, production build, lazy chunk ${count(chunkBytes)} bytes minified)`,
      '',
      `${ROUNDS} fresh pages (one more dropped as warm-up), HTTP cache off. In each: a lazy import of an empty module, then of the metadata entry and a first parse; then ${MESSAGES.length} broker messages typed one character at a time into quick create's preview, parsing (parse, render, layout) and echoing (render, layout) interleaved.`,
      '',
      table(
        header,
        [
          ['Preview per keystroke: parse + render', ...summary(parse)],
          ['Preview per keystroke: echo the text (baseline)', ...summary(echo)],
          ['First use: lazy import of the metadata chunk', ...summary(importMs)],
          ['First use: first parse (table and indexes built)', ...summary(firstParseMs)],
          ['Lazy import of an empty module (baseline)', ...summary(tinyMs)],
        ],
        ['l', 'r', 'r', 'r', 'r'],
      ),
      '',
      `Preview per keystroke against echoing (ratio of medians): ${ratio(ratioOfMedians(parse, echo))}. First use (import + first parse) against an empty lazy import: ${ratio(
        ratioOfMedians(
          importMs.map((ms, i) => ms + (firstParseMs[i] ?? 0)),
          tinyMs,
        ),
      )}.`,
    ].join('\n');
  } finally {
    await browser.close();
    await server.close();
    await rm(outdir, { recursive: true, force: true });
  }
}

const started = performance.now();
const loadBefore = loadavg()[0] ?? 0;
const node = await inProcess();
const chromium = await inBrowser();
const loadAfter = loadavg()[0] ?? 0;
const markdown = [
  '## Airports',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; section time ${significant((performance.now() - started) / 1000)} s. Data: ${AIRPORT_DATASET.package}@${AIRPORT_DATASET.version} (${count(AIRPORT_DATASET.airportCount)} airports, ${count(AIRPORT_DATASET.iataCount)} IATA codes). The machine's 1-minute load average was ${significant(loadBefore)} before and ${significant(loadAfter)} after: other work on the box inflates every timing here, the first-use ones most.`,
  '',
  node,
  '',
  chromium,
  '',
].join('\n');
const resultsDir = process.env['BENCH_RESULTS_DIR'] ?? path.join(here, '..', 'results');
await writeFile(path.join(resultsDir, 'airports.md'), markdown);
console.log(markdown);
