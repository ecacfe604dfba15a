import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { GatewayError } from './errors.js';

/**
 * HS256 JSON Web Tokens, signed and verified with a shared secret as a Supabase project does
 * with its JWT secret. Verification (the gateway's trust decision) is `jose`'s. Signing stays a
 * synchronous HMAC of our own so `tokenFor()` and the keys remain plain strings for every caller
 * (jose only signs asynchronously); a test checks that jose accepts what we sign.
 */

/** The claims of a token; `role` chooses the database role, `sub` is the user id. */
export interface JwtClaims {
  [claim: string]: unknown;
  role?: string;
  sub?: string;
  email?: string;
  exp?: number;
  iat?: number;
}

/**
 * The secret Supabase's own local stack uses (`supabase start`): public, for development only.
 * Tokens signed with it must never be accepted by a real project.
 */
export const DEFAULT_DEV_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** PostgREST tolerates this much clock skew on `exp`, `nbf` and `iat`. */
const ALLOWED_SKEW_SECONDS = 30;

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function hmac(secret: string, signingInput: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

/** Signs `claims` as an HS256 JWT. */
export function signJwt(claims: JwtClaims, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signingInput = `${header}.${payload}`;
  return `${signingInput}.${base64url(hmac(secret, signingInput))}`;
}

/** Options of {@link mintToken}. */
export interface MintTokenOptions {
  /** The user id (`sub`); omit for the anon and service-role keys. */
  sub?: string;
  /** The database role: `anon`, `authenticated` or `service_role`. */
  role: string;
  email?: string;
  /** Lifetime in seconds (default one hour). */
  expiresIn?: number;
  /** Extra claims (e.g. `app_metadata`). */
  claims?: Record<string, unknown>;
}

/**
 * Mints a token shaped like the ones Supabase issues (GoTrue for users, the dashboard for keys).
 *
 * @example
 * const token = mintToken({ sub: userId, role: 'authenticated', email: 'ann@broker.test' }, secret);
 */
export function mintToken(options: MintTokenOptions, secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: JwtClaims = {
    iss: 'chat-sessions-dev-backend',
    ...options.claims,
    role: options.role,
    iat: now,
    exp: now + (options.expiresIn ?? 3600),
  };
  if (options.sub !== undefined) {
    claims.sub = options.sub;
    claims.aud = 'authenticated';
  }
  if (options.email !== undefined) claims.email = options.email;
  return signJwt(claims, secret);
}

function invalidToken(code: 'PGRST301' | 'PGRST303', message: string): GatewayError {
  return new GatewayError(
    401,
    { code, message },
    {
      'WWW-Authenticate': `Bearer error="invalid_token", error_description=${JSON.stringify(message)}`,
    },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeHeader(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** jose's reasons, in PostgREST's words (PGRST301: the token itself; PGRST303: its claims). */
function translate(error: unknown): GatewayError {
  if (error instanceof joseErrors.JWTExpired) return invalidToken('PGRST303', 'JWT expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (error.reason === 'check_failed' && claim === 'nbf')
      return invalidToken('PGRST303', 'JWT not yet valid');
    if (claim === 'exp' || claim === 'nbf' || claim === 'iat')
      return invalidToken('PGRST303', `The JWT '${claim}' claim must be a number`);
    return invalidToken('PGRST303', 'Parsing claims failed');
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return invalidToken('PGRST301', 'JWT cryptographic operation failed');
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported)
    return invalidToken('PGRST301', 'Wrong or unsupported encoding algorithm');
  if (error instanceof joseErrors.JWTInvalid)
    return invalidToken('PGRST303', 'Parsing claims failed');
  return invalidToken('PGRST301', "JWT couldn't be decoded");
}

/**
 * Verifies a token with `jose` (HS256 only, PostgREST's 30 s clock skew) and returns its claims,
 * or throws the 401 PostgREST answers: PGRST301 for a token that can't be decoded or whose
 * signature is wrong, PGRST303 for claims that fail validation (expired, not yet valid).
 * A token without `exp` is accepted, as PostgREST accepts it: mint tokens that expire.
 */
export async function verifyJwt(
  token: string,
  secret: string | KeyObject,
  nowSeconds = Date.now() / 1000,
): Promise<JwtClaims> {
  if (token === '') throw invalidToken('PGRST301', 'Empty JWT is sent in Authorization header');
  const parts = token.split('.');
  if (parts.length !== 3)
    throw invalidToken('PGRST301', `Expected 3 parts in JWT; got ${parts.length}`);
  // PostgREST's own message for a header that is not JSON, before jose says anything.
  if (!isObject(decodeHeader(parts[0] ?? '')))
    throw invalidToken('PGRST301', "JWT couldn't be decoded");
  let claims: JWTPayload;
  try {
    const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
    ({ payload: claims } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      clockTolerance: ALLOWED_SKEW_SECONDS,
      currentDate: new Date(nowSeconds * 1000),
    }));
  } catch (error) {
    throw translate(error);
  }
  // jose checks `iat` only against a maximum age; PostgREST also refuses one from the future.
  if (claims.iat !== undefined && nowSeconds < claims.iat - ALLOWED_SKEW_SECONDS)
    throw invalidToken('PGRST303', 'JWT issued at future');
  return claims;
}

/** Verifies a token and returns its claims, throwing PostgREST's 401 errors (see {@link verifyJwt}). */
export type JwtVerifier = (token: string, nowSeconds?: number) => Promise<JwtClaims>;

/** How many verified tokens {@link createJwtVerifier} remembers (the oldest is forgotten first). */
const VERIFIED_TOKENS_KEPT = 1000;

/** True while `claims` pass the time checks {@link verifyJwt} made, at `nowSeconds`. */
function stillValid(claims: JwtClaims, nowSeconds: number): boolean {
  const { exp, nbf, iat } = claims;
  if (typeof exp === 'number' && nowSeconds - ALLOWED_SKEW_SECONDS >= exp) return false;
  if (typeof nbf === 'number' && nbf > nowSeconds + ALLOWED_SKEW_SECONDS) return false;
  if (typeof iat === 'number' && nowSeconds < iat - ALLOWED_SKEW_SECONDS) return false;
  return true;
}

/**
 * {@link verifyJwt} with one secret, remembering the claims of the tokens it verified (by the
 * token's text, which its signature covers) until their `exp`: a client sends the same token
 * with every request, and the HMAC check and jose's key import cost more than the rest of the
 * gateway's own work. A remembered token whose time checks fail is verified again, so the
 * answer (PGRST303 "JWT expired") is the one a first verification gives.
 */
export function createJwtVerifier(secret: string): JwtVerifier {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  const verified = new Map<string, JwtClaims>();
  return async (token, nowSeconds = Date.now() / 1000) => {
    const known = verified.get(token);
    if (known && stillValid(known, nowSeconds)) return known;
    verified.delete(token);
    const claims = Object.freeze(await verifyJwt(token, key, nowSeconds));
    if (verified.size >= VERIFIED_TOKENS_KEPT) {
      const oldest = verified.keys().next();
      if (!oldest.done) verified.delete(oldest.value);
    }
    verified.set(token, claims);
    return claims;
  };
}
