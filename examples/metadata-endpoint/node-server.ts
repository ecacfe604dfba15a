// The session-metadata endpoint on a plain Node server, as a host runs it beside its own app:
// only the host's signed-in Supabase users may call it (their access token, checked against the
// project's keys), each at most 10 requests a minute, and the OpenAI key spends at most 1 000
// model calls a day (then the rule parser answers). The browser never sees the OpenAI key.
//
//   SUPABASE_URL=https://<project>.supabase.co OPENAI_API_KEY=sk-… \
//   node --import tsx examples/metadata-endpoint/node-server.ts
//
// Then point the sidebar at it: <chat-sidebar metadata-endpoint="https://api.example.com/session-metadata">
// (same origin, or behind your own CORS rules).
import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import {
  createMetadataHandler,
  createSupabaseAuthorizer,
  toNodeListener,
  type OpenAIExtractorOptions,
  type SupabaseAuthorizerOptions,
} from '@chat-sessions/sdk/metadata/server';

/** What the example server needs: how to check callers, and the model (none: the rule parser). */
export interface MetadataServerOptions {
  readonly auth: SupabaseAuthorizerOptions;
  readonly openai?: OpenAIExtractorOptions;
  readonly port?: number;
}

/** Starts the endpoint at `POST /session-metadata`; everything else is a 404. */
export async function startMetadataServer(options: MetadataServerOptions): Promise<Server> {
  const handle = toNodeListener(
    createMetadataHandler({
      authorize: createSupabaseAuthorizer(options.auth),
      ...(options.openai ? { openai: options.openai } : {}),
      rateLimit: { capacity: 10, refillPerMinute: 10 },
      budget: { requestsPerDay: 1000, perCallerPerDay: 100 },
      maxBodyBytes: 16 * 1024,
    }),
  );
  const server = createServer((request, response) => {
    if (request.url?.split('?')[0] !== '/session-metadata') {
      response.writeHead(404).end();
      return;
    }
    void handle(request, response);
  });
  // Slow senders are cut off; the handler has its own body and model timeouts too.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 8787, '127.0.0.1', resolve));
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const supabaseUrl = process.env.SUPABASE_URL;
  if (!supabaseUrl) throw new Error('Set SUPABASE_URL (and OPENAI_API_KEY for the model)');
  const server = await startMetadataServer({
    auth: { supabaseUrl },
    ...(process.env.OPENAI_API_KEY ? { openai: { model: 'gpt-4o-mini' } } : {}),
  });
  console.log('metadata endpoint on', server.address());
}
