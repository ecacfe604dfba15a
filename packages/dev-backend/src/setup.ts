import { access, readFile } from 'node:fs/promises';
import type { Executor } from './executor.js';
import { applyAuthShim, applyMigrations, seedPath } from './migrate.js';

/** What {@link prepareDatabase} did. */
export interface SetupReport {
  /** Migrations applied by this start (already applied ones are skipped). */
  migrationsApplied: string[];
  /** True when the demo data was loaded by this start. */
  seeded: boolean;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Brings a database up to date before serving it: the local auth shim, the migrations not yet
 * applied, and (when asked) the demo data, loaded once per database (recorded in `_local`).
 */
export async function prepareDatabase(
  executor: Executor,
  options: { seed: boolean; onProgress?: (step: string) => void },
): Promise<SetupReport> {
  const progress = options.onProgress ?? (() => undefined);
  const admin = await executor.admin();
  try {
    progress('applying the auth shim and migrations');
    await applyAuthShim(admin);
    const migrationsApplied = await applyMigrations(admin);
    let seeded = false;
    if (options.seed && (await exists(seedPath))) {
      await admin.runScript(
        'create table if not exists _local.seed_runs (applied_at timestamptz not null default now())',
      );
      const runs = await admin.query<{ n: number }>(
        'select count(*)::int as n from _local.seed_runs',
      );
      if ((runs[0]?.n ?? 0) === 0) {
        progress('loading the demo data (supabase/seed.sql)');
        // The data and its record in one transaction: a failed seed can be retried.
        const seedSql = await readFile(seedPath, 'utf8');
        await admin.runScript(
          `begin;\n${seedSql}\n;insert into _local.seed_runs default values;\ncommit;`,
        );
        seeded = true;
      }
    }
    return { migrationsApplied, seeded };
  } finally {
    await admin.release();
  }
}
