import path from 'node:path';
import { parseArgs } from 'node:util';
import { createMetadataHandler } from '@chat-sessions/sdk/metadata/server';
import { buildDemoBundle, demoBuildDir } from './browser-bundle.js';
import { createDevBackend, defaultPgliteDir, isLoopbackAddress } from './index.js';
import { repositoryRoot } from './migrate.js';

/**
 * `node --import tsx packages/dev-backend/src/cli.ts start [options]` (what `npm start` runs).
 *
 * With DATABASE_URL it serves that PostgreSQL database; without it, PGlite persisted in
 * `.data/pglite`. Environment: DATABASE_URL, PORT, JWT_SECRET, EXPOSED_SCHEMAS (comma-separated),
 * CORS_ORIGINS (comma-separated), AUTHENTICATOR_PASSWORD.
 */

const usage = `Usage: cli.ts start [--port 54321] [--host 127.0.0.1] [--static <folder>] [--pglite-dir <folder>]
                    [--schemas chat,...] [--cors-origin <origin>]... [--demo] [--dotfiles]
                    [--source-maps] [--no-seed] [--no-build]

Starts the local Chat Sessions backend (PostgREST-compatible RPC gateway).
Uses PostgreSQL when DATABASE_URL is set, else PGlite in .data/pglite.
The demo routes are on over PGlite on a loopback address; --demo forces them anywhere (never on
a shared machine). Beyond loopback or over DATABASE_URL, JWT_SECRET must be set.`;

const LOUD = '\u001b[1;31m';
const PLAIN = '\u001b[0m';

async function start(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      static: { type: 'string' },
      'pglite-dir': { type: 'string' },
      schemas: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      demo: { type: 'boolean', default: false },
      dotfiles: { type: 'boolean', default: false },
      'source-maps': { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const host = values.host ?? '127.0.0.1';
  const loopback = isLoopbackAddress(host);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const port = Number(values.port ?? process.env.PORT ?? 54321);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port: ${values.port ?? process.env.PORT}`);
  const schemas = (values.schemas ?? process.env.EXPOSED_SCHEMAS ?? 'chat')
    .split(',')
    .map((schema) => schema.trim())
    .filter((schema) => schema !== '');
  const staticDir = values.static ?? path.join(repositoryRoot, 'examples');
  const pgliteDir = path.resolve(values['pglite-dir'] ?? defaultPgliteDir);
  const corsOrigins = [
    ...(values['cors-origin'] ?? []),
    ...(process.env.CORS_ORIGINS ?? '').split(','),
  ]
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');

  // The public development secret lets anyone sign a service_role token: only for an embedded
  // database nobody else can reach.
  if (!process.env.JWT_SECRET && (databaseUrl || !loopback)) {
    throw new Error(
      `Refusing to start with the public development JWT secret ${databaseUrl ? 'over DATABASE_URL' : `on ${host}`}: ` +
        'anyone could sign a service_role token for this database. Set JWT_SECRET (32+ random characters).',
    );
  }
  const demo = values.demo || (!databaseUrl && loopback);
  if (values.demo && (databaseUrl || !loopback)) {
    console.warn(
      `${LOUD}WARNING: --demo mounts /demo-api/* ${databaseUrl ? 'over DATABASE_URL' : `on ${host}`}: ` +
        `whoever opens the demo page can read the demo brokers' data, post as the service role ` +
        `through "simulate operator reply" and reset the demo brokers' data. Local development only.${PLAIN}`,
    );
  }

  if (!values['no-build']) await buildDemoBundle();
  if (!databaseUrl)
    console.log(`Opening PGlite in ${pgliteDir} (the first start takes a few seconds)…`);
  const started = Date.now();
  const backend = await createDevBackend({
    ...(databaseUrl ? { databaseUrl } : { pgliteDir }),
    port,
    host,
    exposedSchemas: schemas,
    ...(corsOrigins.length > 0 ? { corsOrigins } : {}),
    staticFiles: { dotfiles: values.dotfiles, sourceMaps: values['source-maps'] },
    ...(process.env.JWT_SECRET ? { jwtSecret: process.env.JWT_SECRET } : {}),
    staticDir,
    staticMounts: { '/dist/': demoBuildDir },
    seed: !values['no-seed'],
    demo,
    onProgress: (step) => console.log(`  … ${step}`),
    // The OpenAI extractor when a key or a compatible server is configured; the rule parser else.
    metadataHandler: createMetadataHandler(
      process.env.OPENAI_API_KEY || process.env.OPENAI_BASE_URL
        ? {
            openai: {
              ...(process.env.OPENAI_MODEL ? { model: process.env.OPENAI_MODEL } : {}),
              ...(process.env.OPENAI_BASE_URL ? { baseURL: process.env.OPENAI_BASE_URL } : {}),
            },
            // The route itself demands the demo session or a broker token; the host's key is
            // still spent at most this fast.
            rateLimit: { capacity: 10, refillPerMinute: 10 },
            budget: { requestsPerDay: 500 },
          }
        : {},
    ),
  });

  console.log(`Chat Sessions dev backend (${backend.kind}) ready in ${Date.now() - started} ms`);
  if (backend.setup.migrationsApplied.length > 0) {
    console.log(`  applied migrations: ${backend.setup.migrationsApplied.join(', ')}`);
  }
  if (backend.setup.seeded) console.log('  loaded supabase/seed.sql');
  console.log(`  URL:              ${backend.url}`);
  console.log(
    `  API:              ${backend.url}/rest/v1/rpc/<function>   (schemas: ${schemas.join(', ')})`,
  );
  console.log(`  static files:     ${staticDir}`);
  console.log(
    demo
      ? `  demo:             ${backend.url}/demo/   (metadata: ${process.env.OPENAI_API_KEY || process.env.OPENAI_BASE_URL ? 'OpenAI' : 'rule parser'})`
      : '  demo:             off (over DATABASE_URL or beyond loopback; --demo forces it)',
  );
  console.log(
    `  CORS:             ${corsOrigins.length > 0 ? corsOrigins.join(', ') : 'same-origin only (--cors-origin to allow a page elsewhere)'}`,
  );
  console.log(`  anon key:         ${backend.anonKey}`);
  console.log(`  service role key: ${backend.serviceRoleKey}`);

  const stop = (): void => {
    console.log('Stopping…');
    backend.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'start') {
  start(rest).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else {
  console.log(usage);
  process.exit(command === undefined || command === '--help' || command === 'help' ? 0 : 1);
}
