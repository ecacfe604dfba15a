// The table endpoints' query-string parser on its own: what SQL it builds, that every value is
// a bound parameter and every name a quoted identifier, and what it refuses (PGRST100).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../packages/dev-backend/src/errors.js';
import { parseTableQuery } from '../../packages/dev-backend/src/table-query.js';

const parse = (query: string, firstParam = 1) =>
  parseTableQuery(new URLSearchParams(query), 't', firstParam);

const refused = (query: string): void => {
  assert.throws(
    () => parse(query),
    (error: unknown) => error instanceof GatewayError && error.body.code === 'PGRST100',
    query,
  );
};

describe('table endpoints: query-string parser', () => {
  it('builds select lists with aliases, filters, order and paging', () => {
    const query = parse(
      'select=id,owner:owner_id&status=eq.active&title=ilike.*TEB*&order=pinned.desc,last_activity_at.desc.nullslast&limit=20&offset=40',
    );
    assert.equal(query.projection, 't."id" as "id", t."owner_id" as "owner"');
    assert.equal(query.where, 't."status" = $1 and t."title" ilike $2');
    assert.deepEqual(query.params, ['active', '%TEB%']);
    assert.equal(query.orderBy, 'order by t."pinned" desc, t."last_activity_at" desc nulls last');
    assert.equal(query.limit, 20);
    assert.equal(query.offset, 40);
  });

  it('binds every value, even one written as SQL, and numbers after a body parameter', () => {
    const query = parse("title=eq.x' or '1'='1&id=not.in.(a,\"b,c\",d)", 2);
    assert.equal(query.where, 't."title" = $2 and not (t."id" = any($3))');
    assert.deepEqual(query.params, ["x' or '1'='1", '{"a","b,c","d"}']);
  });

  it('reads is, not and nested or/and groups', () => {
    const query = parse(
      'or=(stage.is.null,and(passengers.gte.4,passengers.lt.10))&deleted_at=not.is.null',
    );
    assert.equal(
      query.where,
      '(t."stage" is null or (t."passengers" >= $1 and t."passengers" < $2)) and not (t."deleted_at" is null)',
    );
    assert.deepEqual(query.params, ['4', '10']);
  });

  it('reads the columns and on_conflict of a write', () => {
    const query = parse('columns="id","title"&on_conflict=id');
    assert.deepEqual(query.columns, ['id', 'title']);
    assert.deepEqual(query.onConflict, ['id']);
    assert.equal(query.where, '');
  });

  it('refuses what it does not serve rather than ignoring it', () => {
    refused('title=near.x'); // unknown operator
    refused('title=eqx'); // no operator
    refused('select=id,threads(*)'); // embedded resource
    refused('select=metadata->>k'); // JSON path
    refused('"id;drop table x"=eq.1'); // not a plain column name
    refused('order=title.sideways');
    refused('limit=-1');
    refused('stage=is.maybe');
    refused('or=stage.is.null'); // a group needs parentheses
  });
});
