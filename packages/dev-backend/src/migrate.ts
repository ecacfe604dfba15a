import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Runs one SQL script (several statements) and answers rows of single queries. */
export interface SqlScriptRunner {
  /** Runs a script of one or more statements, with no parameters. */
  runScript(sql: string): Promise<void>;
  /** Runs one parameterised query. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (this file lives in packages/dev-backend/src). */
export const repositoryRoot = path.resolve(here, '../../..');
/** The local-only auth shim: the Supabase roles and `auth.*` helpers. Never shipped. */
export const authShimPath = path.join(
  repositoryRoot,
  'packages/dev-backend/sql/local-auth-shim.sql',
);
/** The migrations shipped to Supabase. */
export const migrationsDir = path.join(repositoryRoot, 'supabase/migrations');
/** Demo data. */
export const seedPath = path.join(repositoryRoot, 'supabase/seed.sql');

/** The migration files, in the order Supabase applies them (by file name). */
export async function listMigrations(dir = migrationsDir): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return names.map((name) => path.join(dir, name));
}

/** Applies the local auth shim. Idempotent. */
export async function applyAuthShim(db: SqlScriptRunner): Promise<void> {
  await db.runScript(await readFile(authShimPath, 'utf8'));
}

/**
 * Applies the migrations not applied yet, each in its own transaction, and records them in
 * `_local.schema_migrations` (a local-only bookkeeping schema; Supabase keeps its own).
 * Returns the names of the migrations it applied.
 */
export async function applyMigrations(db: SqlScriptRunner, dir = migrationsDir): Promise<string[]> {
  await db.runScript(`
    create schema if not exists _local;
    revoke all on schema _local from public;
    create table if not exists _local.schema_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    );
  `);
  const done = new Set(
    (await db.query<{ name: string }>('select name from _local.schema_migrations')).map(
      (r) => r.name,
    ),
  );
  const applied: string[] = [];
  for (const file of await listMigrations(dir)) {
    const name = path.basename(file);
    if (done.has(name)) continue;
    const sql = await readFile(file, 'utf8');
    const escaped = name.replaceAll("'", "''");
    await db.runScript(
      `begin;\n${sql}\n;insert into _local.schema_migrations (name) values ('${escaped}');\ncommit;`,
    );
    applied.push(name);
  }
  return applied;
}

/** Loads the demo data (supabase/seed.sql). */
export async function applySeed(db: SqlScriptRunner, file = seedPath): Promise<void> {
  await db.runScript(await readFile(file, 'utf8'));
}
