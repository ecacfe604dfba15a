// Table endpoints reach the database in one message (begin, request settings, statement, commit)
// once the gateway knows the table, and a table that changed is described again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { messagesSent } from '../support/pg-messages.js';
import {
  FIXTURE_SCHEMA,
  randomJwtSecret,
  startContractBackend,
  type ContractBackend,
} from '../support/backend.js';

const ANN = '0b7f6a52-3c1d-4b1e-9a57-1a2b3c4d5e21';

describe('dev-backend gateway: table requests in one message', () => {
  let contract: ContractBackend;
  let token: string;

  before(async () => {
    contract = await startContractBackend(randomJwtSecret());
    token = contract.backend.tokenFor(ANN, 'ann@broker.test');
  });

  after(async () => {
    await contract?.close();
  });

  const request = (path: string, init: RequestInit = {}) =>
    fetch(`${contract.backend.url}/rest/v1/${path}`, {
      ...init,
      headers: {
        apikey: contract.backend.anonKey,
        Authorization: `Bearer ${token}`,
        'Accept-Profile': FIXTURE_SCHEMA,
        'Content-Profile': FIXTURE_SCHEMA,
        'Content-Type': 'application/json',
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  const insert = (row: Record<string, unknown>) =>
    request('notes', {
      method: 'POST',
      body: JSON.stringify(row),
      headers: { Prefer: 'return=representation' },
    });

  it('reads and writes a known table with one message each', async () => {
    assert.equal((await request('notes?select=body')).status, 200); // the gateway learns the table
    const sent = await messagesSent(async () => {
      const created = await insert({ body: 'one message' });
      assert.equal(created.status, 201);
      const read = await request('notes?select=body&body=eq.one%20message');
      assert.equal(read.status, 200);
      assert.deepEqual(await read.json(), [{ body: 'one message' }]);
    });
    assert.equal(sent.length, 2, sent.join('\n---\n'));
    for (const message of sent) {
      assert.match(message, /^begin isolation level read committed/);
      assert.match(message, /set_config\('role'::text, 'authenticated'::text, true\)/);
      assert.match(message, /;\ncommit$/);
    }
  });

  it('describes a table again when a write names a column it did not have', async () => {
    assert.equal((await insert({ body: 'before the change' })).status, 201);
    await contract.adminQuery(`alter table ${FIXTURE_SCHEMA}.notes add column tag text`);
    await contract.adminQuery(`grant select, insert on ${FIXTURE_SCHEMA}.notes to authenticated`);
    const created = await insert({ body: 'after the change', tag: 'new' });
    assert.equal(created.status, 201, await created.clone().text());
    assert.deepEqual(
      ((await created.json()) as Array<{ body: string; tag: string }>).map(({ body, tag }) => ({
        body,
        tag,
      })),
      [{ body: 'after the change', tag: 'new' }],
    );
    const unknown = await insert({ body: 'x', nope: 1 });
    assert.equal(unknown.status, 400);
    assert.equal(((await unknown.json()) as { code: string }).code, 'PGRST204');
  });
});
