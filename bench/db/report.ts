import { count, estimate, ratio, significant, table } from '../lib/format.js';
import { medianWithInterval, quantile, ratioOfMedians, type Estimate } from '../lib/stats.js';
import type { GenerationReport } from './generate.js';
import type { Samples } from './measure.js';
import { comparisons, searches, type Fixtures, type Variant } from './scenarios.js';
import type { DatasetShape } from './shape.js';

/** What the database section measured, summarized (written as db.json, rendered as db.md). */
export interface DbSummary {
  date: string;
  serverVersion: string;
  shape: DatasetShape;
  rows: { brokers: number; sessions: number; operatorThreads: number; messages: number };
  databaseBytes: number;
  generation: GenerationReport | undefined;
  depths: { listRows: number; messages: number };
  rounds: number;
  warmupRounds: number;
  serverSeconds: number;
  /** 1-minute load average of the machine before and after the server-side rounds. */
  loadAverage: [number, number];
  paths: Array<{ key: string; label: string; n: number; min: number; p50: Estimate; p99: number }>;
  ratios: Array<{ label: string; ratio: Estimate }>;
  /** The figures issue #16 sets a goal for, against that goal. */
  goals: Array<{ figure: string; now: string; goal: string; met: boolean; note?: string }>;
  gateway: {
    seconds: number;
    calls: Array<{ key: string; label: string; n: number; p50: Estimate; p99: number }>;
    ratios: Array<{ label: string; ratio: Estimate }>;
    /** Bytes of the list page the HTTP floor answered with (0 when it was not measured). */
    floorBytes: number;
  };
  totalSeconds: number;
}

/** Inputs of {@link summarize}. */
export interface SummaryInput {
  shape: DatasetShape;
  generation: GenerationReport | undefined;
  rows: DbSummary['rows'];
  databaseBytes: number;
  serverVersion: string;
  fixtures: Fixtures;
  variants: Variant[];
  samples: Samples;
  rounds: number;
  warmupRounds: number;
  serverSeconds: number;
  loadAverage: [number, number];
  gatewaySamples: Samples;
  gatewaySeconds: number;
  /** Bytes of the list page the HTTP floor served (0 without one). */
  floorBytes?: number;
  totalSeconds: number;
}

const gatewayLabels: Record<string, string> = {
  'direct-list': 'List, first page — direct SQL call (node-postgres, open connection)',
  'gateway-list': 'List, first page — supabase-js → local gateway (GET)',
  'floor-list':
    'List, first page — HTTP floor: supabase-js → a bare Node server sending the same bytes (no database)',
  'relay-list':
    "List, first page — least HTTP front: supabase-js → a bare Node server running the direct call's statement on one open connection (no routing, JWT, transaction or settings)",
  'direct-append': 'Append a message — direct SQL call',
  'gateway-append': 'Append a message — supabase-js → local gateway (POST)',
};

/** Calls measured only when the run started their server. */
const optionalCalls = new Set(['floor-list', 'relay-list']);

function samplesOf(samples: Samples, key: string): number[] {
  const values = samples.get(key);
  if (!values || values.length === 0) throw new Error(`no samples for ${key}`);
  return values;
}

/** Medians with intervals, tail percentiles and ratios from the raw samples. */
export function summarize(input: SummaryInput): DbSummary {
  const paths = input.variants.map((v) => {
    const values = samplesOf(input.samples, v.key);
    return {
      key: v.key,
      label: v.label,
      n: values.length,
      min: Math.min(...values),
      p50: medianWithInterval(values),
      p99: quantile(values, 0.99),
    };
  });
  const ratios = comparisons.map((c) => ({
    label: c.label,
    ratio: ratioOfMedians(
      samplesOf(input.samples, c.numerator),
      samplesOf(input.samples, c.denominator),
    ),
  }));
  const gatewayCalls = [
    'direct-list',
    'gateway-list',
    'floor-list',
    'relay-list',
    'direct-append',
    'gateway-append',
  ]
    .filter((key) => !optionalCalls.has(key) || input.gatewaySamples.has(key))
    .map((key) => {
      const values = samplesOf(input.gatewaySamples, key);
      return {
        key,
        label: gatewayLabels[key]!,
        n: values.length,
        p50: medianWithInterval(values),
        p99: quantile(values, 0.99),
      };
    });
  const ratioOf = (label: string, numerator: string, denominator: string) => ({
    label,
    ratio: ratioOfMedians(
      samplesOf(input.gatewaySamples, numerator),
      samplesOf(input.gatewaySamples, denominator),
    ),
  });
  const gatewayRatios = [
    {
      label: 'List, first page: gateway / direct',
      ratio: ratioOfMedians(
        samplesOf(input.gatewaySamples, 'gateway-list'),
        samplesOf(input.gatewaySamples, 'direct-list'),
      ),
    },
    {
      label: 'Append a message: gateway / direct',
      ratio: ratioOfMedians(
        samplesOf(input.gatewaySamples, 'gateway-append'),
        samplesOf(input.gatewaySamples, 'direct-append'),
      ),
    },
  ];
  // With the least HTTP front measured: the bound it sets on gateway ÷ direct, and how far the
  // gateway is from it.
  const relayRatios = input.gatewaySamples.has('relay-list')
    ? [
        ratioOf('List, first page: least HTTP front / direct', 'relay-list', 'direct-list'),
        ratioOf('List, first page: gateway / least HTTP front', 'gateway-list', 'relay-list'),
      ]
    : [];
  const path = (key: string) => paths.find((p) => p.key === key)!;
  const listRatio = ratioOfMedians(
    samplesOf(input.samples, 'list-deep-recent'),
    samplesOf(input.samples, 'list-deep-recent-keyset-ids'),
  );
  const goals: DbSummary['goals'] = [
    {
      figure:
        'List page (list_sessions, deep, recent) ÷ the bare keyset index walk of the same rows',
      now: `${significant(listRatio.value)}×`,
      goal: '≤ 2×',
      met: listRatio.value <= 2,
    },
    {
      figure: 'List page (list_sessions, deep, recent), p99',
      now: `${significant(path('list-deep-recent').p99)} ms`,
      goal: '≤ 2 ms',
      met: path('list-deep-recent').p99 <= 2,
    },
    ...searches.flatMap((search) =>
      (['list', 'counts'] as const).map((kind) => {
        const measured = path(`search-${search.key}-${kind}`);
        const limit = search.key === 'message' ? 20 : 10;
        return {
          figure: `Search ${search.label}, ${kind === 'list' ? 'first page' : 'counts per tab'}, p99`,
          now: `${significant(measured.p99)} ms`,
          goal: `≤ ${limit} ms`,
          met: measured.p99 <= limit,
        };
      }),
    ),
    ...gatewayRatios.map((r) => ({
      figure: r.label,
      now: `${significant(r.ratio.value)}×`,
      goal: '≤ 2×',
      met: r.ratio.value <= 2,
      note:
        r.ratio.value > 2 && r === gatewayRatios[0] && relayRatios[0]
          ? `the least HTTP front alone is ${significant(relayRatios[0].ratio.value)}×`
          : undefined,
    })),
  ];
  return {
    date: new Date().toISOString(),
    serverVersion: input.serverVersion,
    shape: input.shape,
    rows: input.rows,
    databaseBytes: input.databaseBytes,
    generation: input.generation,
    depths: { listRows: input.fixtures.listDepth, messages: input.fixtures.messageDepth },
    rounds: input.rounds,
    warmupRounds: input.warmupRounds,
    serverSeconds: input.serverSeconds,
    loadAverage: input.loadAverage,
    paths,
    ratios,
    goals,
    gateway: {
      seconds: input.gatewaySeconds,
      calls: gatewayCalls,
      ratios: [...gatewayRatios, ...relayRatios],
      floorBytes: input.floorBytes ?? 0,
    },
    totalSeconds: input.totalSeconds,
  };
}

/** The Markdown of the database section of RESULTS.md. */
export function renderDatabaseSection(s: DbSummary): string {
  const gb = (s.databaseBytes / 1024 ** 3).toFixed(2);
  const lines: string[] = [];
  lines.push('## Database');
  lines.push('');
  lines.push(
    `Measured ${s.date.slice(0, 16).replace('T', ' ')} UTC on PostgreSQL ${s.serverVersion} ` +
      `(throwaway cluster of test/harness/with-postgres.sh: fsync off, shared_buffers 256 MB), ` +
      `the real migrations, scale ${s.shape.scale}. Section time ${s.totalSeconds.toFixed(0)} s.`,
  );
  lines.push('');
  lines.push(
    `**Data:** ${count(s.rows.brokers)} brokers, ${count(s.rows.sessions)} sessions ` +
      `(broker 1: ${count(s.shape.bigBrokerSessions)}), ${count(s.rows.operatorThreads)} operator threads, ` +
      `${count(s.rows.messages)} messages (one conversation of broker 1: ${count(s.shape.longConversation)}); ` +
      `${gb} GB of tables and indexes.`,
  );
  if (s.generation) {
    lines.push(
      `Generated in ${s.generation.totalSeconds.toFixed(0)} s by set-based SQL as a superuser ` +
        '(triggers off with `session_replication_role = replica`; indexes no foreign key needs rebuilt after the load; ' +
        'counters and tab counts derived from a recount of the rows, checked against a recount, then ' +
        '`vacuum (freeze, analyze)`):',
    );
    lines.push('');
    lines.push(
      table(
        ['Step', 's'],
        s.generation.steps.map((step) => [step.name, step.seconds.toFixed(1)]),
        ['l', 'r'],
      ),
    );
  }
  lines.push('');
  lines.push(
    `### Server-side latency, broker 1 (${count(s.shape.bigBrokerSessions)} sessions), as \`authenticated\``,
  );
  lines.push('');
  lines.push(
    'Each sample is one API call in its own transaction, timed inside PostgreSQL with ' +
      '`clock_timestamp()` around `EXECUTE` (parse, plan and run; no network, no client), on a warm ' +
      "connection logged in as `authenticator` with the broker's JWT claims, as the gateway runs it. " +
      `${s.rounds} rounds (${s.serverSeconds.toFixed(0)} s), each running every path in a fresh random ` +
      'order (cheap reads 16 times, writes 6 times, the slow baselines and the change feed once); the ' +
      `first ${s.warmupRounds} rounds are dropped. Medians with 95 % bootstrap intervals; p99 of a path ` +
      "with few samples is close to its maximum. The machine's 1-minute load average was " +
      `${s.loadAverage[0].toFixed(1)} before and ${s.loadAverage[1].toFixed(1)} after: other work on the ` +
      'box delays a running statement by whole scheduler slices (milliseconds), which shows in the ' +
      'medians of sub-millisecond paths when the load is high; `min` is the closest to the uncontended cost.',
  );
  lines.push('');
  lines.push(
    table(
      ['Path', 'n', 'min ms', 'p50 ms (95 % CI)', 'p99 ms'],
      s.paths.map((p) => [
        p.label,
        String(p.n),
        significant(p.min),
        estimate(p.p50),
        significant(p.p99),
      ]),
      ['l', 'r', 'r', 'r', 'r'],
    ),
  );
  lines.push('');
  lines.push('### Against the baselines (ratio of medians, 95 % bootstrap interval)');
  lines.push('');
  lines.push(
    table(
      ['Comparison', 'Ratio'],
      s.ratios.map((r) => [r.label, ratio(r.ratio)]),
      ['l', 'r'],
    ),
  );
  lines.push('');
  lines.push(
    'The OFFSET baselines are plain SQL returning the same 50 rows as the keyset call (checked ' +
      "before measuring), built like the function's own page query; the recount is one aggregate over the " +
      "broker's sessions.",
  );
  lines.push('');
  lines.push(
    'The searches are compared with the same predicate (`chat_private.session_matches`) tested on ' +
      'every session of the tab / of the broker, as before the indexes (20261203000300_search_indexes.sql); ' +
      'pages and counts were checked equal before measuring.',
  );
  lines.push('');
  lines.push('### Goals (issue #16)');
  lines.push('');
  lines.push(
    table(
      ['Figure', 'Now', 'Goal', 'Met'],
      s.goals.map((g) => [
        g.figure,
        g.now,
        g.goal,
        `${g.met ? 'yes' : 'no'}${g.note ? ` (${g.note})` : ''}`,
      ]),
      ['l', 'r', 'r', 'l'],
    ),
  );
  lines.push('');
  lines.push('### Gateway overhead: supabase-js → local gateway → PostgreSQL');
  lines.push('');
  lines.push(
    "Timed from the caller's side (what an application waits for): `@supabase/supabase-js` " +
      '(realtime transport `ws`) calling the dev backend (`packages/dev-backend`, its own process, ' +
      'over this database) against the same call made directly with node-postgres on an open ' +
      `connection. Interleaved in random order; ${s.gateway.calls[0]!.n} samples each after 10 warm-up ` +
      `rounds (${s.gateway.seconds.toFixed(0)} s).`,
  );
  lines.push('');
  lines.push(
    table(
      ['Call', 'n', 'p50 ms (95 % CI)', 'p99 ms'],
      s.gateway.calls.map((c) => [c.label, String(c.n), estimate(c.p50), significant(c.p99)]),
      ['l', 'r', 'r', 'r'],
    ),
  );
  lines.push('');
  lines.push(
    table(
      ['Comparison', 'Ratio'],
      s.gateway.ratios.map((r) => [
        r.label,
        `${estimate(r.ratio)} — ${significant(r.ratio.value)}×`,
      ]),
      ['l', 'r'],
    ),
  );
  const call = (key: string) => s.gateway.calls.find((c) => c.key === key);
  const [floor, gateway, direct] = [call('floor-list'), call('gateway-list'), call('direct-list')];
  if (floor && gateway && direct) {
    const own = gateway.p50.value - floor.p50.value - direct.p50.value;
    lines.push('');
    lines.push(
      `The HTTP floor is the same supabase-js call answered by a bare Node server in its own ` +
        `process with the list page's exact bytes (${count(s.gateway.floorBytes)} B, as the ` +
        `gateway sent them): the client's request, loopback HTTP, and reading and parsing the ` +
        `body, with no gateway and no database. At the medians, gateway (${significant(gateway.p50.value)} ms) ` +
        `− floor (${significant(floor.p50.value)} ms) − direct call (${significant(direct.p50.value)} ms) ` +
        `leaves ${significant(own)} ms for the gateway's own work (JWT, the transaction's settings, ` +
        `passing the body on); gateway ÷ (floor + direct) is ` +
        `${significant(gateway.p50.value / (floor.p50.value + direct.p50.value))}.`,
    );
  }
  const relay = call('relay-list');
  if (relay && gateway && direct) {
    lines.push('');
    lines.push(
      `The least HTTP front is what any gateway in Node must at least do for this call: a bare ` +
        `node:http server in its own process, holding one connection already acting as the ` +
        `broker (as the direct call's is), that runs the direct call's statement and sends ` +
        `PostgreSQL's text of the page on (no routing, JWT, transaction, settings or pool). It ` +
        `answers in ${significant(relay.p50.value)} ms, ` +
        `${significant(relay.p50.value / direct.p50.value)}× the direct call: a goal for ` +
        `gateway ÷ direct below that ratio cannot be met by a gateway over HTTP on this machine. ` +
        `The gateway's own cost is gateway ÷ least front: ` +
        `${significant(gateway.p50.value / relay.p50.value)} ` +
        `(${significant(gateway.p50.value - relay.p50.value)} ms at the medians).`,
    );
  }
  return lines.join('\n');
}
