// The gateway-overhead measurement on its own, on a small data set (the overhead hardly depends
// on the data size): to iterate on the gateway, and to compare it with another checkout's.
//
//   bash test/harness/with-postgres.sh node --import tsx bench/db/gateway-only.ts
//
// Environment:
//   BENCH_DB_SCALE            data set scale (default 0.01: 10 000 sessions, 30 000 messages)
//   BENCH_GATEWAY_ROUNDS      interleaved rounds (default 130, the first 10 dropped)
//   BENCH_GATEWAY_REFERENCE   another checkout (e.g. /work/main): its gateway is measured in
//                             the same rounds, as `ref-list` / `ref-append`
//   BENCH_GATEWAY_NODE_FLAGS  extra Node flags of the gateway processes (e.g. `--cpu-prof`)
//   BENCH_GATEWAY_CPU=1       each gateway prints its CPU time per request when it stops
//
// Run with NODE_OPTIONS=--conditions=@chat-sessions/source to measure the sources (the
// gateway processes inherit it), else the packages must be built.
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { createTestDatabase } from '../../test/support/db.js';
import { medianWithInterval, ratioOfMedians, seededRandom, shuffled } from '../lib/stats.js';
import { ApiSession, installTimer } from './api-session.js';
import { generateDataset } from './generate.js';
import { startGateway, startRelay, supabaseAs, type GatewayProcess } from './gateway.js';
import { findFixtures } from './scenarios.js';
import { datasetShape } from './shape.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);
const adminUrl = process.env.PG_ADMIN_URL;
if (!adminUrl)
  throw new Error('PG_ADMIN_URL is not set: run through test/harness/with-postgres.sh');
const shape = datasetShape(Number(process.env.BENCH_DB_SCALE ?? 0.01));
const rounds = Number(process.env.BENCH_GATEWAY_ROUNDS ?? 130);
const warmupRounds = 10;
const reference = process.env.BENCH_GATEWAY_REFERENCE;
const nodeFlags = (process.env.BENCH_GATEWAY_NODE_FLAGS ?? '').split(' ').filter(Boolean);
if (process.env.BENCH_GATEWAY_CPU === '1')
  nodeFlags.push('--import', pathToFileURL(path.join(here, 'gateway-cpu.ts')).href);

const database = await createTestDatabase('benchgw');
const gateways: GatewayProcess[] = [];
try {
  log(`generating ${shape.sessions} sessions and ${shape.messages} messages…`);
  await generateDataset(database.adminUrl, shape, log, Math.min(2, os.availableParallelism()));
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  await installTimer(admin);
  const fixtures = await findFixtures(admin, shape);
  await admin.end();
  const direct = await ApiSession.open(adminUrl, database.name, {
    role: 'authenticated',
    sub: fixtures.broker,
  });

  const own = await startGateway(database.adminUrl, {
    nodeFlags,
    env: { BENCH_GATEWAY_LABEL: 'gateway' },
  });
  gateways.push(own);
  const targets: Array<[string, GatewayProcess]> = [['gateway', own]];
  if (reference) {
    const other = await startGateway(database.adminUrl, {
      script: path.join(reference, 'bench/db/gateway-process.ts'),
      nodeFlags,
      env: { BENCH_GATEWAY_LABEL: 'ref' },
    });
    gateways.push(other);
    targets.push(['ref', other]);
  }
  // The least HTTP front: the bound any gateway starts from (see startRelay).
  const relay = await startRelay(database.adminUrl, fixtures.broker);
  gateways.push(relay);
  const relayChat = supabaseAs(relay, fixtures.broker).schema('chat');
  const content = (i: number) =>
    `Can the operator confirm the tail number for Friday? (gateway benchmark ${i})`;
  const target = (i: number) => fixtures.appendTargets[i % fixtures.appendTargets.length]!;
  const calls: Array<{ key: string; run(i: number): Promise<void> }> = [
    {
      key: 'direct-list',
      run: async () => {
        await direct.client.query(
          `select chat.list_sessions('active', 'recent', null, null, 50) as page`,
        );
      },
    },
    {
      key: 'direct-append',
      run: async (i) => {
        await direct.client.query('select chat.append_message($1, $2, $3) as message', [
          randomUUID(),
          target(i),
          content(i),
        ]);
      },
    },
    {
      key: 'relay-list',
      run: async () => {
        const { data, error } = await relayChat.rpc(
          'list_sessions',
          { p_tab: 'active', p_sort: 'recent', p_limit: 50 },
          { get: true },
        );
        if (error || !data) throw new Error(`relay list failed: ${error?.message}`);
      },
    },
  ];
  for (const [prefix, gateway] of targets) {
    const chat = supabaseAs(gateway, fixtures.broker).schema('chat');
    calls.push(
      {
        key: `${prefix}-list`,
        run: async () => {
          const { data, error } = await chat.rpc(
            'list_sessions',
            { p_tab: 'active', p_sort: 'recent', p_limit: 50 },
            { get: true },
          );
          if (error || !data) throw new Error(`${prefix} list failed: ${error?.message}`);
        },
      },
      {
        key: `${prefix}-append`,
        run: async (i) => {
          const { error } = await chat.rpc('append_message', {
            p_id: randomUUID(),
            p_session_id: target(i),
            p_content: content(i),
          });
          if (error) throw new Error(`${prefix} append failed: ${error.message}`);
        },
      },
    );
  }

  const random = seededRandom(11);
  const samples = new Map(calls.map((c) => [c.key, [] as number[]]));
  let sample = 0;
  const load = os.loadavg()[0]!;
  for (let round = 0; round < rounds; round++) {
    for (const call of shuffled(calls, random)) {
      const started = performance.now();
      await call.run(sample++);
      const ms = performance.now() - started;
      if (round >= warmupRounds) samples.get(call.key)!.push(ms);
    }
  }
  const f = (n: number) => n.toFixed(2);
  log(
    `scale ${shape.scale}, ${rounds - warmupRounds} samples each, load ${load.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}`,
  );
  for (const [key, values] of samples) {
    const m = medianWithInterval(values);
    log(`${key.padEnd(16)} p50 ${f(m.value)} ms (${f(m.low)}–${f(m.high)})`);
  }
  for (const [prefix] of targets) {
    for (const kind of ['list', 'append']) {
      const r = ratioOfMedians(samples.get(`${prefix}-${kind}`)!, samples.get(`direct-${kind}`)!);
      log(`${prefix}/direct ${kind.padEnd(7)} ${f(r.value)}× (${f(r.low)}–${f(r.high)})`);
    }
  }
  for (const [prefix] of [['relay'], ...targets]) {
    const r = ratioOfMedians(samples.get(`${prefix}-list`)!, samples.get('direct-list')!);
    if (prefix !== 'relay') {
      const own = ratioOfMedians(samples.get(`${prefix}-list`)!, samples.get('relay-list')!);
      log(`${prefix}/relay list     ${f(own.value)}× (${f(own.low)}–${f(own.high)})`);
    } else log(`relay/direct list      ${f(r.value)}× (${f(r.low)}–${f(r.high)})`);
  }
  await direct.close();
} finally {
  for (const gateway of gateways) await gateway.stop();
  await database.drop();
}
