// Builds the benchmark pages: one production bundle per variant (Lit's `production` export
// condition, the repository's sources through `@chat-sessions/source`, minified), and the page
// that loads one of them.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { brokerSessions, encodeSessions, incomingChanges } from './pages/fixture.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The lists measured: the element, and the two baselines. */
export const VARIANTS = ['sidebar', 'repeat', 'plain'] as const;
export type Variant = (typeof VARIANTS)[number];

const ENTRIES: Record<Variant, string> = {
  sidebar: 'pages/sidebar.ts',
  repeat: 'pages/repeat-list.ts',
  plain: 'pages/plain-list.ts',
};

// A fixed box like the sidebar's place in a host page (the element specs use the same size).
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>chat-sessions browser bench</title>
<style>html, body { margin: 0; } #box { position: fixed; top: 0; left: 0; width: 360px; height: 560px; display: flex; background: #fff; }</style>
</head>
<body><div id="box"></div>
<script type="module">
  const variant = new URLSearchParams(location.search).get('variant');
  await import('./' + variant + '.js');
  document.documentElement.dataset.ready = 'true';
</script>
</body>
</html>
`;

/**
 * The package's `sideEffects` names the built define files (under `dist/`); through the
 * `@chat-sessions/source` condition the sources are bundled instead, and esbuild would drop
 * `import './define.js'` as free of effects. Define files register elements: keep them.
 */
export const keepDefineFiles: Plugin = {
  name: 'keep-define-files',
  setup(builder) {
    builder.onResolve({ filter: /\/define\.js$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      return { ...resolved, sideEffects: true };
    });
  },
};

/**
 * Writes `sessions-<size>.json` for every size: the broker's sessions and the burst of incoming
 * changes, generated and parsed by the SDK's `SessionRowSchema` once here rather than in every
 * page (20 000 rows take the better part of a second to parse).
 */
export async function writeSessions(outdir: string, sizes: readonly number[]): Promise<void> {
  for (const size of sizes) {
    const sessions = brokerSessions(size);
    await writeFile(
      path.join(outdir, `sessions-${size}.json`),
      JSON.stringify(encodeSessions(sessions, incomingChanges(sessions))),
    );
  }
}

/** Writes `index.html` and `<variant>.js` for every variant into `outdir`; returns their sizes in bytes. */
export async function buildPages(outdir: string): Promise<Record<Variant, number>> {
  const result = await build({
    entryPoints: Object.fromEntries(
      VARIANTS.map((variant) => [variant, path.join(here, ENTRIES[variant])]),
    ),
    outdir,
    bundle: true,
    format: 'esm',
    splitting: false,
    minify: true,
    target: 'es2022',
    conditions: ['production', '@chat-sessions/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: path.join(here, 'tsconfig.json'),
    legalComments: 'none',
    metafile: true,
    plugins: [keepDefineFiles],
    logLevel: 'warning',
  });
  await writeFile(path.join(outdir, 'index.html'), PAGE);
  const sizes = {} as Record<Variant, number>;
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const variant = VARIANTS.find((name) => path.basename(file) === `${name}.js`);
    if (variant) sizes[variant] = output.bytes;
  }
  return sizes;
}
