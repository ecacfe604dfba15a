// examples/metadata-endpoint/node-server.ts, the documented way to mount the metadata endpoint
// on a Node server, over real HTTP: only signed-in users, and a 1 GB chunked upload is cut off
// at the 16 KiB limit (413) without the server reading the rest.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { mintToken } from '../../packages/dev-backend/src/index.js';
import { startMetadataServer } from '../../examples/metadata-endpoint/node-server.js';
import { randomJwtSecret } from '../support/backend.js';
import { raw, streamUntilAnswered } from '../support/raw-http.js';

const ANN = '0b7f6a52-3c1d-4b1e-9a57-1a2b3c4d5e01';

describe('examples/metadata-endpoint/node-server.ts', () => {
  const secret = randomJwtSecret();
  let server: Server;
  let url: string;

  before(async () => {
    server = await startMetadataServer({ auth: { jwtSecret: secret }, port: 0 });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  const body = JSON.stringify({ text: 'TEB-VNY Dec 12, 6 pax', referenceDate: '2026-12-01' });

  it('answers a signed-in user, and nobody else', async () => {
    const user = mintToken({ role: 'authenticated', sub: ANN }, secret);
    const answer = await raw(url, {
      method: 'POST',
      path: '/session-metadata',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user}` },
      body,
    });
    assert.equal(answer.status, 200);
    assert.equal((JSON.parse(answer.body) as { passengers: number }).passengers, 6);
    const anonymous = await raw(url, {
      method: 'POST',
      path: '/session-metadata',
      headers: { 'content-type': 'application/json' },
      body,
    });
    assert.equal(anonymous.status, 401);
  });

  it('cuts a 1 GB chunked upload off at the limit with 413', async () => {
    const result = await streamUntilAnswered(url, '/session-metadata', 1024 ** 3, {
      authorization: `Bearer ${mintToken({ role: 'authenticated', sub: ANN }, secret)}`,
    });
    assert.equal(result.status, 413);
    assert.ok(result.sent < 64 * 1024 * 1024, `the client got to send ${result.sent} bytes`);
  });
});
