// Prepares the throwaway cluster started by with-postgres.sh: applies the local auth shim,
// creates the database `chat` with every migration applied, and installs pgTAP there.
// Suites that need a private database clone `chat` as a template (see test/support/db.ts).
import pg from 'pg';
import { applyAuthShim, applyMigrations } from '../../packages/dev-backend/src/migrate.js';
import { pgScriptRunner } from '../../packages/dev-backend/src/pg-runner.js';

const adminUrl = process.env.PG_ADMIN_URL;
const databaseUrl = process.env.DATABASE_URL;
if (!adminUrl || !databaseUrl) {
  throw new Error(
    'PG_ADMIN_URL and DATABASE_URL must be set (run through test/harness/with-postgres.sh)',
  );
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await applyAuthShim(pgScriptRunner(admin));
await admin.query('drop database if exists chat');
await admin.query('create database chat');
await admin.end();

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const runner = pgScriptRunner(db);
await applyAuthShim(runner);
await runner.runScript('create extension if not exists pgtap with schema extensions');
const applied = await applyMigrations(runner);
await db.end();
console.error(`prepared database chat (${applied.length} migrations)`);
