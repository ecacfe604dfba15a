// The gateway remembers the tokens it verified (createJwtVerifier): a remembered token must get
// the answers a first verification gives once its time is up, and only verified tokens are kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createJwtVerifier, mintToken, signJwt } from '../../packages/dev-backend/src/jwt.js';
import { GatewayError } from '../../packages/dev-backend/src/errors.js';
import { randomJwtSecret } from '../support/backend.js';

const USER = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e01';

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GatewayError, `expected a GatewayError, got ${String(error)}`);
    return error;
  }
  assert.fail('the token was accepted');
}

describe('dev-backend gateway: verified tokens are remembered until they expire', () => {
  it('returns the same claims for the same token, checked once', async () => {
    const secret = randomJwtSecret();
    const verify = createJwtVerifier(secret);
    const token = mintToken({ sub: USER, role: 'authenticated', expiresIn: 600 }, secret);
    const first = await verify(token);
    assert.equal(first.sub, USER);
    assert.equal(first.role, 'authenticated');
    assert.equal(await verify(token), first, 'the second call answers from memory');
    assert.ok(Object.isFrozen(first), 'remembered claims cannot be changed by a caller');
  });

  it('answers PGRST303 "JWT expired" for a remembered token once it expires', async () => {
    const secret = randomJwtSecret();
    const verify = createJwtVerifier(secret);
    const now = Math.floor(Date.now() / 1000);
    const token = mintToken({ sub: USER, role: 'authenticated', expiresIn: 60 }, secret);
    assert.equal((await verify(token, now)).sub, USER);
    // Within PostgREST's 30 s of clock skew it is still good…
    assert.equal((await verify(token, now + 60 + 29)).sub, USER);
    // …past it, the remembered claims are not enough.
    const error = await rejection(verify(token, now + 60 + 31));
    assert.equal(error.status, 401);
    assert.equal(error.body.code, 'PGRST303');
    assert.equal(error.body.message, 'JWT expired');
  });

  it('never remembers a token it refused (another secret, a token not yet valid)', async () => {
    const secret = randomJwtSecret();
    const verify = createJwtVerifier(secret);
    const forged = mintToken({ role: 'service_role' }, randomJwtSecret());
    for (let i = 0; i < 2; i++) {
      const error = await rejection(verify(forged));
      assert.equal(error.body.code, 'PGRST301');
    }
    const now = Math.floor(Date.now() / 1000);
    const early = signJwt({ role: 'authenticated', sub: USER, nbf: now + 120 }, secret);
    assert.equal((await rejection(verify(early, now))).body.message, 'JWT not yet valid');
    // Valid later: verified then, and from then on remembered.
    assert.equal((await verify(early, now + 120)).sub, USER);
  });

  it('keeps one memory per secret: a token of one gateway means nothing to another', async () => {
    const secret = randomJwtSecret();
    const token = mintToken({ sub: USER, role: 'authenticated' }, secret);
    assert.equal((await createJwtVerifier(secret)(token)).sub, USER);
    const error = await rejection(createJwtVerifier(randomJwtSecret())(token));
    assert.equal(error.body.code, 'PGRST301');
  });
});
