/** What a server without the optional peer dependency is told. */
export const OPENAI_MISSING_MESSAGE =
  '@chat-sessions/sdk/metadata/server: the OpenAI extractor needs the `openai` package, an ' +
  'optional peer dependency of @chat-sessions/sdk. Install it next to the SDK on your server ' +
  '(npm install openai@^6.49.0), or pass `extract` (e.g. extractWithRules) to ' +
  'createMetadataHandler to run without it.';

/** True for the error a runtime throws when the `openai` package cannot be found. */
function isMissingOpenAI(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /resolve/i.test(text)) &&
    text.includes('openai')
  );
}

/**
 * Imports `openai` when the extractor is first made, not when this entry point is loaded, so a
 * server that never asks OpenAI needs no `openai` installed, and one that does is told what to
 * install instead of a bare module-resolution error. The importer is injectable (so the "not
 * installed" path can be tested) and the module's type is the caller's: these declarations must
 * type-check in a host that never installed the optional peer, so they never name `openai`.
 *
 * @example const openai = await loadOpenAI(() => import('openai'));
 */
export async function loadOpenAI<Module = unknown>(
  importer: () => Promise<Module> = () => import('openai') as Promise<unknown> as Promise<Module>,
): Promise<Module> {
  try {
    return await importer();
  } catch (error) {
    if (isMissingOpenAI(error)) throw new Error(OPENAI_MISSING_MESSAGE, { cause: error });
    throw error;
  }
}
