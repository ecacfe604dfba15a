// `npm run bench` — the database section: generates the data set in a throwaway database of the
// cluster started by test/harness/with-postgres.sh, measures the API paths server-side and
// through the gateway, and writes bench/results/db.md (and db.json).
//
// Environment:
//   PG_ADMIN_URL         set by the harness (required)
//   BENCH_DB_SCALE       shrink the data set for a dry run, e.g. 0.05 (default 1)
//   BENCH_DB_SECONDS     time budget of the server-side rounds (default 90; at least 10 rounds)
//   BENCH_DB_EXISTING    measure an already generated database of the cluster instead
//                        (to iterate on the measurements; it is not dropped)
//   BENCH_RESULTS_DIR    where the section writes its results (default bench/results)
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTestDatabase, databaseUrl } from '../../test/support/db.js';
import { ApiSession, installTimer } from './api-session.js';
import { generateDataset, type GenerationReport } from './generate.js';
import {
  listPageBytes,
  measureGatewayOverhead,
  startGateway,
  startHttpFloor,
  startRelay,
  supabaseAs,
} from './gateway.js';
import { measureInterleaved } from './measure.js';
import { renderDatabaseSection, summarize } from './report.js';
import { equivalentPages, findFixtures, searches, variants } from './scenarios.js';
import { datasetShape } from './shape.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got ${raw}`);
  return value;
}

const adminUrl = process.env.PG_ADMIN_URL;
if (!adminUrl)
  throw new Error('PG_ADMIN_URL is not set: run through `npm run bench` (bench/run.sh)');
const shape = datasetShape(numberFromEnv('BENCH_DB_SCALE', 1));
const budgetSeconds = numberFromEnv('BENCH_DB_SECONDS', 90);
const warmupRounds = 3;
const resultsDir = process.env.BENCH_RESULTS_DIR ?? path.join(here, '../results');
const existing = process.env.BENCH_DB_EXISTING;
const started = performance.now();

const database = existing
  ? { name: existing, adminUrl: databaseUrl(adminUrl, existing), drop: async () => undefined }
  : await createTestDatabase('bench');
try {
  let generation: GenerationReport | undefined;
  if (!existing) {
    log(
      `generating ${shape.sessions} sessions and ${shape.messages} messages in ${database.name}…`,
    );
    generation = await generateDataset(
      database.adminUrl,
      shape,
      log,
      Math.min(2, os.availableParallelism()),
    );
    log(`  ${generation.totalSeconds.toFixed(1).padStart(6)} s  total`);
  }

  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  await installTimer(admin);
  const fixtures = await findFixtures(admin, shape);
  const serverVersion = (
    await admin.query<{ v: string }>(`select current_setting('server_version') as v`)
  ).rows[0]!.v.split(' ')[0]!;
  const sizes = await admin.query<{
    sessions: string;
    threads: string;
    messages: string;
    brokers: string;
    bytes: string;
  }>(`
    select (select count(*) from chat.sessions) as sessions, (select count(*) from chat.operator_threads) as threads,
           (select count(*) from chat.messages) as messages, (select count(*) from auth.users) as brokers,
           (select sum(pg_total_relation_size(c.oid)) from pg_class c
             where c.relnamespace = 'chat'::regnamespace and c.relkind = 'r') as bytes`);

  const broker = await ApiSession.open(adminUrl, database.name, {
    role: 'authenticated',
    sub: fixtures.broker,
  });
  const operator = await ApiSession.open(adminUrl, database.name, { role: 'service_role' });
  try {
    const list = variants(fixtures);
    const byKey = new Map(list.map((v) => [v.key, v]));

    // The baselines must return the very page they are compared with.
    for (const pair of equivalentPages) {
      const keyset = byKey.get(pair.keyset)!;
      const offset = byKey.get(pair.offset)!;
      const keysetPage = await broker.value<
        { items?: Array<{ id: string }> } | Array<{ id: string }>
      >(keyset.statement, keyset.args(0));
      const offsetRows = await broker.value<Array<{ id: string }>>(
        offset.statement,
        offset.args(0),
      );
      const keysetRows =
        pair.path === 'items'
          ? (keysetPage as { items: Array<{ id: string }> }).items
          : (keysetPage as Array<{ id: string }>);
      const keysetIds = keysetRows.slice(0, 50).map((r) => r.id);
      const inKeyset = new Set(keysetIds);
      const offsetIds = offsetRows.map((r) => r.id).filter((id) => inKeyset.has(id));
      if (keysetIds.length !== 50 || JSON.stringify(offsetIds) !== JSON.stringify(keysetIds)) {
        throw new Error(`${pair.keyset} and ${pair.offset} do not return the same page`);
      }
    }
    log('keyset and OFFSET baselines return the same pages');

    // The indexed search must find what testing every session finds: same page, same counts.
    for (const search of searches) {
      const found: string[] = [];
      for (const kind of ['list', 'list-scan', 'counts', 'counts-scan']) {
        const v = byKey.get(`search-${search.key}-${kind}`)!;
        const value = await broker.value<unknown>(v.statement, v.args(0));
        const rows = kind === 'list' ? (value as { items: Array<{ id: string }> }).items : value;
        found.push(
          JSON.stringify(
            Array.isArray(rows)
              ? rows.slice(0, 50).map((r: { id: string }) => r.id)
              : { ...(rows as Record<string, unknown>), version: undefined },
          ),
        );
      }
      if (found[0] !== found[1] || found[2] !== found[3]) {
        throw new Error(`search ${search.text}: the indexed and unindexed results differ`);
      }
      log(`search ${JSON.stringify(search.text)}: ${found[2]} (indexed = unindexed)`);
    }

    log(
      `measuring ${list.length} paths server-side: interleaved rounds for ${budgetSeconds} s (${warmupRounds} warm-up)…`,
    );
    const measureStarted = performance.now();
    const loadBefore = os.loadavg()[0]!;
    const { samples, rounds } = await measureInterleaved(broker, operator, list, {
      minRounds: 10,
      maxRounds: 200,
      budgetSeconds,
      warmupRounds,
      onRound: (r) => {
        if (r % 10 === 0)
          log(`  round ${r} (${((performance.now() - measureStarted) / 1000).toFixed(0)} s)`);
      },
    });
    const loadAfter = os.loadavg()[0]!;
    const serverSeconds = (performance.now() - measureStarted) / 1000;

    log('measuring supabase-js → gateway against direct SQL calls…');
    const gatewayStarted = performance.now();
    const gateway = await startGateway(database.adminUrl);
    let gatewaySamples;
    let floorBytes = 0;
    try {
      const supabase = supabaseAs(gateway, fixtures.broker);
      const body = await listPageBytes(gateway, fixtures.broker);
      floorBytes = body.length;
      const floor = await startHttpFloor(body, os.tmpdir());
      const relay = await startRelay(database.adminUrl, fixtures.broker);
      try {
        gatewaySamples = await measureGatewayOverhead(supabase, broker, fixtures.appendTargets, {
          rounds: 130,
          warmupRounds: 10,
          floor: supabaseAs(floor, fixtures.broker),
          relay: supabaseAs(relay, fixtures.broker),
        });
      } finally {
        await Promise.all([floor.stop(), relay.stop()]);
      }
    } finally {
      await gateway.stop();
    }
    const gatewaySeconds = (performance.now() - gatewayStarted) / 1000;

    const summary = summarize({
      shape,
      generation,
      rows: {
        brokers: Number(sizes.rows[0]!.brokers),
        sessions: Number(sizes.rows[0]!.sessions),
        operatorThreads: Number(sizes.rows[0]!.threads),
        messages: Number(sizes.rows[0]!.messages),
      },
      databaseBytes: Number(sizes.rows[0]!.bytes),
      serverVersion,
      fixtures,
      variants: list,
      samples,
      rounds,
      warmupRounds,
      serverSeconds,
      loadAverage: [loadBefore, loadAfter],
      gatewaySamples,
      gatewaySeconds,
      floorBytes,
      totalSeconds: (performance.now() - started) / 1000,
    });
    const markdown = renderDatabaseSection(summary);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(path.join(resultsDir, 'db.md'), `${markdown}\n`);
    await writeFile(path.join(resultsDir, 'db.json'), `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(`${markdown}\n`);
  } finally {
    await broker.close();
    await operator.close();
    await admin.end();
  }
} finally {
  if (!existing) await database.drop();
}
