import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';

/**
 * Who may call the metadata endpoint. Server-side only (it may hold the project's JWT secret).
 */

/** What an authorizer decides: a caller to go on with (rate limits are per `callerId`), or a refusal. */
export type Authorization =
  | { readonly ok: true; readonly callerId: string }
  | { readonly ok: false; readonly status: 401 | 403; readonly message: string };

/** Decides who a request comes from. Must not throw for a bad request: refuse it instead. */
export type MetadataAuthorizer = (request: Request) => Promise<Authorization>;

/**
 * Options of {@link createSupabaseAuthorizer}: the project URL (its JWKS and issuer follow from
 * it), or an explicit `jwksUrl`, or the project's legacy `jwtSecret` (HS256; server only).
 */
export interface SupabaseAuthorizerOptions {
  /** `https://<project>.supabase.co`: keys from `/auth/v1/.well-known/jwks.json`, issuer `/auth/v1`. */
  readonly supabaseUrl?: string;
  /** A JWKS URL when it is not the project's default one. */
  readonly jwksUrl?: string;
  /** The project's JWT secret (legacy HS256 keys). Never in browser code. */
  readonly jwtSecret?: string;
  /** Required `iss` (default `<supabaseUrl>/auth/v1` when `supabaseUrl` is given). */
  readonly issuer?: string;
  /** Required `aud` (default `authenticated`, what Supabase Auth puts in user tokens). */
  readonly audience?: string;
  /** Tolerated clock skew in seconds (default 30). */
  readonly clockToleranceSeconds?: number;
  /** Time allowed to fetch the JWKS (default 5 s). */
  readonly jwksTimeoutMs?: number;
}

function refuse(status: 401 | 403, message: string): Authorization {
  return { ok: false, status, message };
}

/**
 * An authorizer for a Supabase project: the request must carry `Authorization: Bearer <access
 * token>` of a signed-in user (role `authenticated`, a `sub`, an `exp` in the future, the
 * project's issuer and audience), verified with `jose` against the project's JWKS (asymmetric
 * signing keys) or its JWT secret. The caller is the user id (`sub`). The anon and service-role
 * keys are refused: they name no user to limit.
 *
 * @example
 * const handle = createMetadataHandler({
 *   openai: { model: 'gpt-4o-mini' },
 *   authorize: createSupabaseAuthorizer({ supabaseUrl: process.env.SUPABASE_URL }),
 * });
 */
export function createSupabaseAuthorizer(options: SupabaseAuthorizerOptions): MetadataAuthorizer {
  const base = options.supabaseUrl?.replace(/\/+$/, '');
  const jwksUrl = options.jwksUrl ?? (base ? `${base}/auth/v1/.well-known/jwks.json` : undefined);
  if (!options.jwtSecret && !jwksUrl) {
    throw new TypeError('createSupabaseAuthorizer: give supabaseUrl, jwksUrl or jwtSecret');
  }
  const issuer = options.issuer ?? (base ? `${base}/auth/v1` : undefined);
  const secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = jwksUrl
    ? createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: options.jwksTimeoutMs ?? 5000 })
    : undefined;
  const verifyOptions = {
    audience: options.audience ?? 'authenticated',
    ...(issuer ? { issuer } : {}),
    clockTolerance: options.clockToleranceSeconds ?? 30,
    requiredClaims: ['exp', 'sub'],
  };

  return async (request) => {
    const header = request.headers.get('authorization') ?? '';
    const match = /^bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1])
      return refuse(401, 'Sign in first: send Authorization: Bearer <access token>.');
    const token = match[1];
    try {
      // A token's header names its algorithm: HS256 goes to the secret, the rest to the JWKS.
      const algorithm = decodeProtectedHeader(token).alg;
      const { payload } =
        algorithm === 'HS256'
          ? secret
            ? await jwtVerify(token, secret, { ...verifyOptions, algorithms: ['HS256'] })
            : await Promise.reject(new Error('HS256 tokens are not accepted here'))
          : jwks
            ? await jwtVerify(token, jwks, {
                ...verifyOptions,
                algorithms: ['RS256', 'ES256', 'EdDSA'],
              })
            : await Promise.reject(new Error('asymmetric tokens are not accepted here'));
      if (payload.role !== 'authenticated' || typeof payload.sub !== 'string' || !payload.sub)
        return refuse(403, 'Only a signed-in user may use this endpoint.');
      return { ok: true, callerId: payload.sub };
    } catch {
      return refuse(401, 'The access token is invalid or expired: sign in again.');
    }
  };
}
