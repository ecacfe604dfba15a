import { verifyJwt, type JwtClaims, type JwtVerifier } from './jwt.js';

/**
 * Who a request runs as, decided from its headers the way Supabase's API gateway and PostgREST
 * decide it: the `Authorization: Bearer` token, else the `apikey` header (Kong forwards the
 * anon key as the token when there is no session), else the anonymous role.
 */
export interface RequestIdentity {
  /** The database role the request runs as (the token's `role` claim, or anon). */
  role: string;
  /** The claims exposed to SQL in `request.jwt.claims`, always carrying `role`. */
  claims: JwtClaims;
  /** True when no token was presented at all. */
  anonymous: boolean;
}

/** The role PostgREST uses when a request has no token, or a token without a `role` claim. */
export const ANON_ROLE = 'anon';

/** The only roles a request may run as. Anything else is refused before touching the database. */
export const ALLOWED_ROLES: ReadonlySet<string> = new Set([
  'anon',
  'authenticated',
  'service_role',
]);

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Extracts the bearer token a request carries, if any. */
export function bearerToken(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const authorization = headerValue(headers.authorization);
  if (authorization !== undefined) {
    const match = /^bearer(?:\s+(.*))?$/i.exec(authorization.trim());
    // Any other scheme is ignored, as PostgREST does.
    if (match) return (match[1] ?? '').trim();
  }
  const apikey = headerValue(headers.apikey);
  if (apikey !== undefined && apikey.split('.').length === 3) return apikey.trim();
  return undefined;
}

/**
 * Verifies the request's token (throwing PostgREST's 401 errors) and returns its identity.
 * `jwtSecret` is the secret, or a verifier made for it (`createJwtVerifier`, which remembers
 * verified tokens).
 */
export async function identify(
  headers: Record<string, string | string[] | undefined>,
  jwtSecret: string | JwtVerifier,
): Promise<RequestIdentity> {
  const token = bearerToken(headers);
  if (token === undefined) {
    return { role: ANON_ROLE, claims: { role: ANON_ROLE }, anonymous: true };
  }
  const claims =
    typeof jwtSecret === 'string' ? await verifyJwt(token, jwtSecret) : await jwtSecret(token);
  const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : ANON_ROLE;
  return { role, claims: { ...claims, role }, anonymous: false };
}
