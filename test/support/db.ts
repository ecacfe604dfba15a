import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** A private, fully migrated database for one test suite. */
export interface TestDatabase {
  /** Superuser URL of the new database: setup and assertions only, never for the code under test. */
  adminUrl: string;
  /** Name of the database. */
  name: string;
  /** Drops the database. */
  drop(): Promise<void>;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run tests through \`npm test\` (test/harness/with-postgres.sh)`,
    );
  }
  return value;
}

/** The URL of another database on the same cluster, optionally as another user. */
export function databaseUrl(base: string, database: string, user?: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
}

/**
 * Clones the migrated template database `chat` (prepared by the harness) into a fresh database,
 * so suites never see each other's rows.
 */
export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const admin = requireEnv('PG_ADMIN_URL');
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name} template chat`);
  } finally {
    await client.end();
  }
  return {
    adminUrl: databaseUrl(admin, name),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
