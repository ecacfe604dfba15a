// The session-metadata endpoint as a Supabase Edge Function (Deno):
//   supabase/functions/session-metadata/index.ts  ←  this file
//   supabase secrets set OPENAI_API_KEY=sk-…
//   supabase functions deploy session-metadata
// SUPABASE_URL is set in every Edge Function. The function's own JWT check (on by default)
// already refuses calls without a valid token; the authorizer here also refuses the anon key,
// and gives each signed-in user their own rate limit and share of the daily model budget.
// Deno resolves `npm:` specifiers; in this repository the import below is the workspace package.
import {
  createMetadataHandler,
  createSupabaseAuthorizer,
} from '@chat-sessions/sdk/metadata/server'; // in Deno: 'npm:@chat-sessions/sdk/metadata/server'

declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(handler: (request: Request) => Response | Promise<Response>): unknown;
};

/** The browser calls the function from the host's origin: answer its preflight, allow it by name. */
const ALLOWED_ORIGIN = 'https://crm.example.com';
const CORS = {
  'access-control-allow-origin': ALLOWED_ORIGIN,
  'access-control-allow-headers': 'authorization, apikey, content-type, x-client-info',
  'access-control-allow-methods': 'POST, OPTIONS',
  vary: 'Origin',
};

const handle = createMetadataHandler({
  authorize: createSupabaseAuthorizer({ supabaseUrl: Deno.env.get('SUPABASE_URL') ?? '' }),
  openai: { model: 'gpt-4o-mini', timeoutMs: 10_000 },
  rateLimit: { capacity: 10, refillPerMinute: 10 },
  // Per instance: Edge Functions run several, so divide the day's budget accordingly.
  budget: { requestsPerDay: 500, perCallerPerDay: 50 },
});

Deno.serve(async (request) => {
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS });
  const answer = await handle(request);
  const headers = new Headers(answer.headers);
  for (const [name, value] of Object.entries(CORS)) headers.set(name, value);
  return new Response(answer.body, { status: answer.status, headers });
});
