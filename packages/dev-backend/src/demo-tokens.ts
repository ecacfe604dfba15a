import { mintToken } from './jwt.js';

/** The keys and tokens a developer or a test uses against the local backend. */
export interface DemoTokens {
  /** The public "anon key": role `anon`, what a browser ships before anyone logs in. */
  anonKey: string;
  /** The secret "service role key": role `service_role`, bypasses row-level security. Server side only. */
  serviceRoleKey: string;
  /** An access token for a logged-in user (role `authenticated`, `sub` = the user id). */
  tokenFor(this: void, userId: string, email?: string, expiresInSeconds?: number): string;
}

/** Ten years, like the keys of Supabase's local stack. */
const KEY_LIFETIME_SECONDS = 10 * 365 * 24 * 3600;

/**
 * Mints the demo keys for a JWT secret.
 *
 * @example
 * const { anonKey, tokenFor } = demoTokens(secret);
 * const supabase = createClient(url, anonKey, { accessToken: async () => tokenFor(userId) });
 */
export function demoTokens(jwtSecret: string): DemoTokens {
  return {
    anonKey: mintToken({ role: 'anon', expiresIn: KEY_LIFETIME_SECONDS }, jwtSecret),
    serviceRoleKey: mintToken({ role: 'service_role', expiresIn: KEY_LIFETIME_SECONDS }, jwtSecret),
    tokenFor(userId, email, expiresInSeconds = 24 * 3600) {
      return mintToken(
        {
          sub: userId,
          role: 'authenticated',
          expiresIn: expiresInSeconds,
          ...(email === undefined ? {} : { email }),
        },
        jwtSecret,
      );
    },
  };
}
