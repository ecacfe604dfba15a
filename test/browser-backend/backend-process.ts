// The real backend the browser specs talk to, started (once per test run, on first use) by
// ./plugin.mjs: a private copy of the harness's migrated database and the local gateway
// (packages/dev-backend) over it, on a random port. Nothing here imitates the database.
//
// Protocol on stdio, one JSON object per line:
//   out: {"type":"ready","url":…,"anonKey":…,"serviceRoleKey":…}   once the gateway listens
//   in:  {"id":1,"op":"broker"}      creates a broker (a row in auth.users)
//   out: {"id":1,"result":{"userId":…,"email":…,"token":…}}   (or {"id":1,"error":"…"})
// Closing stdin (or SIGTERM) stops the gateway and drops the database.
import { randomBytes, randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { createDevBackend } from '../../packages/dev-backend/src/index.js';
import { createMetadataHandler } from '../../packages/sdk/src/metadata/server/index.js';
import { createTestDatabase } from '../support/db.js';

const database = await createTestDatabase('browser');
const admin = new pg.Client({ connectionString: database.adminUrl });
await admin.connect();
const backend = await createDevBackend({
  databaseUrl: database.adminUrl,
  exposedSchemas: ['chat'],
  jwtSecret: randomBytes(32).toString('hex'),
  // The harness applied the shim and migrations to the template this database clones.
  migrate: false,
  // The specs' pages come from the test runner's own server: another origin, allowed by name
  // would need its port, so any origin is allowed on this private, throwaway backend.
  corsOrigins: '*',
  // The session-metadata endpoint (rule parser) at /metadata/parse, for quick create.
  metadataHandler: createMetadataHandler(),
});

function send(message: unknown): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

let stopping: Promise<void> | null = null;
function stop(): Promise<void> {
  stopping ??= (async () => {
    await backend.close().catch(() => undefined);
    await admin.end().catch(() => undefined);
    await database.drop().catch(() => undefined);
    process.exit(0);
  })();
  return stopping;
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  void (async () => {
    let request: { id?: number; op?: string };
    try {
      request = JSON.parse(line) as { id?: number; op?: string };
    } catch {
      return;
    }
    try {
      if (request.op !== 'broker') throw new Error(`unknown op ${String(request.op)}`);
      const userId = randomUUID();
      const email = `broker-${userId.slice(0, 8)}@example.test`;
      await admin.query('insert into auth.users (id, email) values ($1, $2)', [userId, email]);
      send({ id: request.id, result: { userId, email, token: backend.tokenFor(userId, email) } });
    } catch (error) {
      send({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
lines.on('close', () => void stop());

send({
  type: 'ready',
  url: backend.url,
  anonKey: backend.anonKey,
  serviceRoleKey: backend.serviceRoleKey,
});
