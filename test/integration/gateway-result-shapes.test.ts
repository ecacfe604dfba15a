// What PostgreSQL writes is what the client reads: the gateway passes the JSON text of a result
// through untouched (no parse and re-serialization), in PostgREST's shapes for null scalars,
// null composites, strings and paged or counted sets, with a Content-Length on a kept-alive
// connection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  FIXTURE_SCHEMA,
  randomJwtSecret,
  startContractBackend,
  type ContractBackend,
} from '../support/backend.js';

const ANN = '0b7f6a52-3c1d-4b1e-9a57-1a2b3c4d5e11';

const shapesSql = `
create function contract_fixture.maybe_text(t text) returns text
language sql immutable as $$ select t $$;
create function contract_fixture.maybe_pair(give boolean) returns contract_fixture.pair
language sql immutable as $$ select case when give then row('tail', 7)::contract_fixture.pair end $$;
create function contract_fixture.list_pairs(n int) returns setof contract_fixture.pair
language sql immutable as $$ select row('p' || i, i)::contract_fixture.pair from generate_series(1, n) i $$;
create function contract_fixture.spaced(payload jsonb) returns jsonb
language sql immutable as $$ select payload $$;
grant execute on all functions in schema contract_fixture to authenticated;
`;

describe('dev-backend gateway: result bodies as PostgreSQL writes them', () => {
  let contract: ContractBackend;
  let token: string;

  before(async () => {
    contract = await startContractBackend(randomJwtSecret());
    await contract.adminQuery(shapesSql);
    token = contract.backend.tokenFor(ANN, 'ann@broker.test');
  });

  after(async () => {
    await contract?.close();
  });

  const call = (fn: string, query: string, headers: Record<string, string> = {}) =>
    fetch(`${contract.backend.url}/rest/v1/rpc/${fn}?${query}`, {
      headers: {
        apikey: contract.backend.anonKey,
        Authorization: `Bearer ${token}`,
        'Accept-Profile': FIXTURE_SCHEMA,
        ...headers,
      },
    });

  it('answers a scalar as its JSON value: a quoted string, a null', async () => {
    const quoted = await call('maybe_text', `t=${encodeURIComponent('a "tail" \\ 7')}`);
    assert.equal(quoted.status, 200);
    assert.equal(await quoted.text(), '"a \\"tail\\" \\\\ 7"');
    assert.equal(quoted.headers.get('content-range'), '0-0/*');
    const none = await fetch(`${contract.backend.url}/rest/v1/rpc/maybe_text`, {
      method: 'POST',
      headers: {
        apikey: contract.backend.anonKey,
        Authorization: `Bearer ${token}`,
        'Content-Profile': FIXTURE_SCHEMA,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ t: null }),
    });
    assert.equal(none.status, 200);
    assert.equal(await none.text(), 'null');
  });

  it('answers a composite as an object, a null composite as an object of nulls', async () => {
    const pair = await call('maybe_pair', 'give=true');
    assert.equal(await pair.text(), '{"label":"tail","amount":7}');
    const none = await call('maybe_pair', 'give=false');
    assert.equal(await none.text(), '{"label":null,"amount":null}');
  });

  it('passes jsonb through as PostgreSQL prints it, byte for byte', async () => {
    const response = await call('spaced', `payload=${encodeURIComponent('{"b":[1,2],"a":"x"}')}`);
    assert.equal(await response.text(), '{"a": "x", "b": [1, 2]}');
  });

  it('pages and counts a set of rows; .single() takes the one row of a page', async () => {
    const paged = await call('list_pairs', 'n=5&limit=2&offset=3');
    assert.equal(paged.headers.get('content-range'), '3-4/*');
    assert.equal(await paged.text(), '[{"label":"p4","amount":4}, \n {"label":"p5","amount":5}]');
    const counted = await call('list_pairs', 'n=5&limit=2&offset=3', { Prefer: 'count=exact' });
    assert.equal(counted.headers.get('content-range'), '3-4/5');
    const beyond = await call('list_pairs', 'n=5&offset=9', { Prefer: 'count=exact' });
    assert.equal(beyond.headers.get('content-range'), '*/5');
    assert.equal(await beyond.text(), '[]');
    const single = await call('list_pairs', 'n=5&limit=1&offset=1', {
      Accept: 'application/vnd.pgrst.object+json',
      Prefer: 'count=exact',
    });
    assert.equal(single.status, 200);
    assert.equal(single.headers.get('content-range'), '1-1/5');
    assert.equal(await single.text(), '{"label":"p2","amount":2}');
    const many = await call('list_pairs', 'n=5', { Accept: 'application/vnd.pgrst.object+json' });
    assert.equal(many.status, 406);
    assert.equal(((await many.json()) as { code: string }).code, 'PGRST116');
  });

  it('sends a Content-Length, not a chunked body, and keeps the connection open', async () => {
    const response = await call('list_pairs', 'n=3');
    const body = await response.text();
    assert.equal(response.headers.get('content-length'), String(Buffer.byteLength(body)));
    assert.equal(response.headers.get('transfer-encoding'), null);
    assert.equal(response.headers.get('connection'), 'keep-alive');
  });
});
