import { createHmac, timingSafeEqual } from 'node:crypto';
import { GatewayError } from './errors.js';

/**
 * HS256 JSON Web Tokens, signed and verified with a shared secret as a Supabase project does
 * with its JWT secret. Only what the gateway needs: no other algorithms, no key sets.
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

function decodeJson(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Verifies a token and returns its claims, or throws the 401 PostgREST answers:
 * PGRST301 for a token that can't be decoded or whose signature is wrong, PGRST303 for claims
 * that fail validation (expired, not yet valid).
 */
export function verifyJwt(
  token: string,
  secret: string,
  nowSeconds = Date.now() / 1000,
): JwtClaims {
  if (token === '') throw invalidToken('PGRST301', 'Empty JWT is sent in Authorization header');
  const parts = token.split('.');
  if (parts.length !== 3)
    throw invalidToken('PGRST301', `Expected 3 parts in JWT; got ${parts.length}`);
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (!isObject(header)) throw invalidToken('PGRST301', "JWT couldn't be decoded");
  if (header.alg !== 'HS256')
    throw invalidToken('PGRST301', 'Wrong or unsupported encoding algorithm');

  const expected = hmac(secret, `${headerPart}.${payloadPart}`);
  const given = Buffer.from(signaturePart, 'base64url');
  // Lengths differ only for garbage; timingSafeEqual needs equal lengths.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalidToken('PGRST301', 'JWT cryptographic operation failed');
  }

  const claims = decodeJson(payloadPart);
  if (!isObject(claims)) throw invalidToken('PGRST303', 'Parsing claims failed');
  const { exp, nbf, iat } = claims;
  if (exp !== undefined) {
    if (typeof exp !== 'number')
      throw invalidToken('PGRST303', "The JWT 'exp' claim must be a number");
    if (nowSeconds > exp + ALLOWED_SKEW_SECONDS) throw invalidToken('PGRST303', 'JWT expired');
  }
  if (nbf !== undefined) {
    if (typeof nbf !== 'number')
      throw invalidToken('PGRST303', "The JWT 'nbf' claim must be a number");
    if (nowSeconds < nbf - ALLOWED_SKEW_SECONDS)
      throw invalidToken('PGRST303', 'JWT not yet valid');
  }
  if (iat !== undefined) {
    if (typeof iat !== 'number')
      throw invalidToken('PGRST303', "The JWT 'iat' claim must be a number");
    if (nowSeconds < iat - ALLOWED_SKEW_SECONDS)
      throw invalidToken('PGRST303', 'JWT issued at future');
  }
  return claims as JwtClaims;
}
