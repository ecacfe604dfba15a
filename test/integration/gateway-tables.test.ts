// Table endpoints over both executors: PostgreSQL 15 (a clone of the migrated database) and
// PGlite (the embedded default of `npm start`). The contract itself is in
// test/support/table-contract.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createDevBackend,
  createPgliteExecutor,
  prepareDatabase,
} from '../../packages/dev-backend/src/index.js';
import { randomJwtSecret, startContractBackend } from '../support/backend.js';
import { describeTableContract } from '../support/table-contract.js';

const addUsersSql = (users: readonly string[]): string =>
  `insert into auth.users (id, email) values ${users
    .map((id) => `('${id}', '${id}@brokers.test')`)
    .join(', ')}`;

describeTableContract('dev-backend gateway: table endpoints over PostgreSQL', async (users) => {
  const contract = await startContractBackend(randomJwtSecret());
  await contract.adminQuery(addUsersSql(users));
  const { backend } = contract;
  return {
    url: backend.url,
    anonKey: backend.anonKey,
    tokenFor: (id) => backend.tokenFor(id, `${id}@brokers.test`),
    close: () => contract.close(),
  };
});

describeTableContract('dev-backend gateway: table endpoints over PGlite', async (users) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gateway-tables-'));
  const executor = await createPgliteExecutor({ dataDir });
  try {
    await prepareDatabase(executor, { seed: false });
    const admin = await executor.admin();
    try {
      await admin.runScript(addUsersSql(users));
    } finally {
      await admin.release();
    }
  } finally {
    await executor.close();
  }
  const backend = await createDevBackend({ pgliteDir: dataDir, jwtSecret: randomJwtSecret() });
  return {
    url: backend.url,
    anonKey: backend.anonKey,
    tokenFor: (id) => backend.tokenFor(id, `${id}@brokers.test`),
    close: async () => {
      await backend.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
