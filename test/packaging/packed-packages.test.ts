// Packaging proof: build both packages, `npm pack` them, install the tarballs into a new
// project the way a host CRM would, then use them there — ES module imports in Node, a
// TypeScript consumer checked against the packed declarations, a bundler that honours
// `sideEffects`, and the browser bundle's contents.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { rollup } from 'rollup';
import ts from 'typescript';
import { parseAst } from 'rollup/parseAst';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { BROWSER_BUNDLES, LAZY_BUNDLE_ELEMENTS } from '../../rollup.config.mjs';
import {
  ROOT,
  codeEntries,
  publishedPackage,
  type PublishedPackage,
} from '../../scripts/package-entries.mjs';
import {
  exec,
  installIntoConsumer,
  packPackages,
  readJson,
  type PackedPackage,
  withBuiltPackages,
} from './support.js';

const keepTemp = process.env.CHAT_KEEP_PACKAGING_TEMP === '1';

let workdir: string;
let packed: PackedPackage[];
let consumer: string;

const packedOf = (id: 'sdk' | 'elements') => {
  const found = packed.find((item) => item.pkg.id === id);
  assert.ok(found, `no tarball for ${id}`);
  return found;
};
const installedDir = (pkg: PublishedPackage) =>
  join(consumer, 'node_modules', ...pkg.name.split('/'));

/** Every file a package's `exports` promise, relative to the package root. */
function promisedFiles(pkg: PublishedPackage): string[] {
  const files = new Set<string>(['package.json']);
  for (const entry of codeEntries(pkg)) {
    files.add(relative(pkg.dir, entry.output));
    files.add(relative(pkg.dir, entry.types));
  }
  const visit = (target: unknown) => {
    if (typeof target === 'string') {
      if (!target.includes('*') && !target.startsWith('./src/'))
        files.add(target.replace(/^\.\//, ''));
    } else if (target && typeof target === 'object') {
      for (const inner of Object.values(target)) visit(inner);
    }
  };
  visit(pkg.manifest.exports);
  if (typeof pkg.manifest.customElements === 'string') files.add(pkg.manifest.customElements);
  if (existsSync(join(pkg.dir, 'README.md'))) files.add('README.md');
  return [...files].sort();
}

before(async () => {
  const timed = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await step();
    console.log(`packaging: ${label} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  workdir = await mkdtemp(join(tmpdir(), 'chat-sessions-packaging-'));
  const tarballs = join(workdir, 'tarballs');
  await mkdir(tarballs);
  packed = await timed('npm run build (unless dist/ is up to date) and npm pack', () =>
    withBuiltPackages(() => packPackages(tarballs)),
  );
  consumer = await timed('npm install of the tarballs', () => installIntoConsumer(packed));
});

after(async () => {
  if (keepTemp) {
    console.log(`packaging temp folders kept: ${workdir}, ${consumer}`);
    return;
  }
  if (workdir) await rm(workdir, { recursive: true, force: true });
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

describe('npm pack', () => {
  for (const id of ['sdk', 'elements'] as const) {
    it(`${id}: the tarball holds every file its exports, types and README promise`, () => {
      const { pkg, files } = packedOf(id);
      const missing = promisedFiles(pkg).filter((file) => !files.includes(file));
      assert.deepEqual(missing, [], `${pkg.name} tarball lacks ${missing.join(', ')}`);
      if (pkg.id === 'elements') {
        for (const name of Object.keys(BROWSER_BUNDLES))
          assert.ok(files.includes(`dist/${name}`), `dist/${name}`);
      }
    });

    it(`${id}: the tarball holds nothing private (sources, tests, data, keys) and only built files`, async () => {
      const { pkg, files } = packedOf(id);
      const allowed =
        /^(?:package\.json|README\.md|LICENSE(?:\.md)?|custom-elements\.json|dist\/.+\.(?:js|js\.map|d\.ts))$/;
      assert.deepEqual(
        files.filter((file) => !allowed.test(file)),
        [],
        `${pkg.name}: unexpected files`,
      );
      assert.deepEqual(
        files.filter((file) => /\.(?:test|spec)\.|(?:^|\/)(?:test|tests|\.data|src)\//.test(file)),
        [],
      );
      // Everything shipped is scanned for secrets: a JWT (a Supabase key is one) or the local
      // backend's signing secret.
      const { DEFAULT_DEV_JWT_SECRET } = await import('@chat-sessions/dev-backend');
      for (const file of files) {
        const text = await readFile(join(installedDir(pkg), file), 'utf8');
        assert.doesNotMatch(text, /eyJ[\w-]{8,}\.eyJ[\w-]{8,}/, `${pkg.name}/${file} holds a JWT`);
        assert.ok(
          !text.includes(DEFAULT_DEV_JWT_SECRET),
          `${pkg.name}/${file} holds the dev JWT secret`,
        );
      }
    });

    it(`${id}: source maps carry their sources (src/ is not published)`, async () => {
      const { pkg, files } = packedOf(id);
      const maps = files.filter((file) => file.endsWith('.js.map'));
      assert.ok(maps.length > 0);
      for (const file of maps) {
        const map = await readJson<{ sources: string[]; sourcesContent?: Array<string | null> }>(
          join(installedDir(pkg), file),
        );
        assert.equal(
          map.sourcesContent?.filter((content) => typeof content === 'string').length,
          map.sources.length,
          file,
        );
      }
    });
  }

  it('elements: custom-elements.json describes every define module, at published paths', async () => {
    const elements = publishedPackage('elements');
    const manifest = await readJson<{
      modules: Array<{
        path: string;
        declarations?: Array<{ tagName?: string; events?: Array<{ name: string }> }>;
        exports?: Array<{ kind: string; name: string; declaration: { module?: string } }>;
      }>;
    }>(join(installedDir(elements), 'custom-elements.json'));
    // Every event an element lists is one a host can listen to: a `chat-…` name.
    const events = manifest.modules.flatMap((module) =>
      (module.declarations ?? []).flatMap((declaration) =>
        (declaration.events ?? []).map((event) => `${declaration.tagName}: ${event.name}`),
      ),
    );
    assert.deepEqual(
      events.filter((event) => !/: chat(?:-[a-z]+)+$/.test(event)),
      [],
    );
    const definitions = manifest.modules.flatMap((module) =>
      (module.exports ?? [])
        .filter((item) => item.kind === 'custom-element-definition')
        .map((item) => ({ module, item })),
    );
    const defineModules = codeEntries(elements).filter((entry) =>
      entry.subpath.endsWith('/define.js'),
    );
    const inDefineModules = definitions.filter(({ module }) => module.path.endsWith('/define.js'));
    assert.equal(inDefineModules.length, defineModules.length);
    // Elements loaded on demand (the request editor) register from `<folder>/register.js`, which
    // the element that opens them imports; no other module defines an element.
    assert.deepEqual(
      definitions
        .map(({ module }) => module.path)
        .filter((path) => !path.endsWith('/define.js') && !path.endsWith('/register.js')),
      [],
    );
    for (const { module, item } of definitions) {
      assert.match(item.name, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/);
      for (const path of [module.path, item.declaration.module ?? module.path]) {
        assert.ok(
          existsSync(join(installedDir(elements), path)),
          `${item.name}: ${path} is not in the package`,
        );
      }
    }
  });
});

describe('installed into a host project', () => {
  it("imports every exported entry point, and every one the README's examples import, as ES modules in Node", async () => {
    const exported = packed.flatMap(({ pkg }) =>
      codeEntries(pkg).map((entry) =>
        entry.subpath === '.' ? pkg.name : `${pkg.name}/${entry.subpath.slice(2)}`,
      ),
    );
    const readmeImports = [
      ...(await readFile(join(ROOT, 'README.md'), 'utf8')).matchAll(
        /(?:from|import)\s+'(@chat-sessions\/[^']+)'/g,
      ),
    ]
      .map((match) => match[1] ?? '')
      .filter((specifier) =>
        packed.some(({ pkg }) => specifier === pkg.name || specifier.startsWith(`${pkg.name}/`)),
      );
    assert.ok(readmeImports.length > 0, 'the README shows imports of the packages');
    const subpaths = [...new Set([...exported, ...readmeImports])];
    const script = `
      const names = {};
      for (const specifier of ${JSON.stringify(subpaths)}) names[specifier] = Object.keys(await import(specifier)).sort();
      let hidden;
      try { import.meta.resolve('@chat-sessions/elements/internal/define.js'); hidden = false; } catch { hidden = true; }
      console.log(JSON.stringify({ names, hidden }));`;
    await writeFile(join(consumer, 'imports.mjs'), script);
    const { stdout } = await exec(process.execPath, ['imports.mjs'], consumer);
    const { names, hidden } = JSON.parse(stdout) as {
      names: Record<string, string[]>;
      hidden: boolean;
    };
    assert.ok(names['@chat-sessions/sdk']?.includes('createChatSessions'));
    assert.ok(names['@chat-sessions/sdk/metadata']?.includes('parseFlightRequest'));
    assert.ok(names['@chat-sessions/elements']?.includes('FlightRequestCard'));
    assert.ok(names['@chat-sessions/elements']?.includes('ChatSessionSelectEvent'));
    for (const [specifier, exported] of Object.entries(names)) {
      if (!specifier.endsWith('/define.js'))
        assert.ok(exported.length > 0, `${specifier} exports nothing`);
    }
    assert.equal(hidden, true, 'internal modules must not be importable');
  });

  it('type-checks a TypeScript consumer against the packed declarations', async () => {
    await writeFile(
      join(consumer, 'consumer.ts'),
      `import { createClient } from '@supabase/supabase-js';
import { createChatSessions, ChatSessionsError, type SessionPage } from '@chat-sessions/sdk';
import { parseFlightRequest } from '@chat-sessions/sdk/metadata';
import { FlightRequestCard, ChatSessionSelectEvent } from '@chat-sessions/elements';
import '@chat-sessions/elements/flight-request-card/define.js';
import * as bundle from '@chat-sessions/elements/chat-sessions-with-supabase.bundle.js';

const supabase = createClient('https://example.supabase.co', 'public-anon-key');
const chat = createChatSessions({ supabase });
export async function activeSessions(): Promise<SessionPage> {
  const { data, error } = await chat.sessions.list({ tab: 'active' });
  if (error) {
    const typed: ChatSessionsError = error;
    throw typed;
  }
  return data;
}
const card: FlightRequestCard = document.createElement('flight-request-card');
card.addEventListener('chat-session-select', (event) => {
  const selected: ChatSessionSelectEvent = event;
  console.log(selected.session.id satisfies string);
});
const draft = parseFlightRequest('TEB to VNY Dec 12, 6 pax');
console.log(draft, bundle.createClient === createClient, bundle.createChatSessions, bundle.FlightRequestCard);
// @ts-expect-error internal modules are not part of the public API
import('@chat-sessions/elements/internal/define.js');
`,
    );
    // Checked in process, reporting only on the consumer and on our own declaration files:
    // third-party declarations (supabase-js's need @types/node) are the host's business.
    const ourDeclarations = packed.flatMap(({ pkg, files }) =>
      files.filter((file) => file.endsWith('.d.ts')).map((file) => join(installedDir(pkg), file)),
    );
    const program = ts.createProgram({
      rootNames: [join(consumer, 'consumer.ts'), ...ourDeclarations],
      options: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        strict: true,
        noEmit: true,
        types: [],
      },
    });
    const checked = new Set([join(consumer, 'consumer.ts'), ...ourDeclarations]);
    const diagnostics = [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...program
        .getSourceFiles()
        .filter((file) => checked.has(file.fileName))
        .flatMap((file) => [
          ...program.getSyntacticDiagnostics(file),
          ...program.getSemanticDiagnostics(file),
        ]),
    ];
    assert.equal(
      program.getSourceFiles().filter((file) => checked.has(file.fileName)).length,
      checked.size,
      'every declaration file is part of the program',
    );
    const message = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => consumer,
      getNewLine: () => '\n',
    });
    assert.equal(diagnostics.length, 0, message);
  });

  it("a host's bundler keeps the define modules (sideEffects) and drops what the host doesn't use", async () => {
    const build = async (code: string) => {
      const entry = join(consumer, `entry-${Math.random().toString(36).slice(2)}.mjs`);
      await writeFile(entry, code);
      const bundle = await rollup({
        input: entry,
        plugins: [nodeResolve({ browser: true, rootDir: consumer })],
        onLog: () => {},
      });
      try {
        const { output } = await bundle.generate({ format: 'es' });
        return output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
      } finally {
        await bundle.close();
      }
    };
    const defined = await build(`import '@chat-sessions/elements/flight-request-card/define.js';`);
    assert.match(defined, /customElements\.define\(/);
    assert.match(defined, /['"]flight-request-card['"]/);
    const classesOnly = await build(
      `import { ChatSessionSelectEvent } from '@chat-sessions/elements';\nconsole.log(ChatSessionSelectEvent.eventName);`,
    );
    assert.doesNotMatch(
      classesOnly,
      /customElements\.define\(/,
      'importing the index must register nothing',
    );
    assert.doesNotMatch(
      classesOnly,
      /LitElement|flight-request-card/,
      'unused elements must be dropped',
    );
  });
});

// supabase-js loads OpenTelemetry only if the page provides it (an import map), and goes on
// without it when that import fails: it is not a dependency the bundle lacks.
const OPTIONAL_DYNAMIC_IMPORTS = new Set(['@opentelemetry/api']);

describe('browser bundles', () => {
  const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

  /** Every import specifier of a module, static or dynamic, with the re-exports. */
  const importsOf = (code: string): string[] => {
    const found: string[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const typed = node as { type?: string; source?: { value?: unknown } | null };
      const isImport =
        typed.type === 'ImportDeclaration' ||
        typed.type === 'ImportExpression' ||
        typed.type === 'ExportAllDeclaration' ||
        (typed.type === 'ExportNamedDeclaration' && Boolean(typed.source));
      if (isImport)
        found.push(
          typeof typed.source?.value === 'string' ? typed.source.value : '(computed specifier)',
        );
      for (const value of Object.values(node)) {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object') walk(value);
      }
    };
    walk(parseAst(code));
    return found;
  };

  for (const name of Object.keys(BROWSER_BUNDLES)) {
    it(`${name}: self-contained, no openai, no server code, no Node built-ins`, async () => {
      const dist = join(installedDir(publishedPackage('elements')), 'dist');
      // The entry and every chunk it loads (lazily) by relative URL.
      const modules = new Map<string, { code: string; sources: string[] }>();
      const queue = [join(dist, name)];
      const outside: string[] = [];
      for (let file = queue.shift(); file; file = queue.shift()) {
        if (modules.has(file)) continue;
        const code = await readFile(file, 'utf8');
        const map = await readJson<{ sources: string[] }>(`${file}.map`);
        // Source paths are relative to where the build wrote the file, in this repository.
        const builtIn = join(ROOT, 'dist', relative(dist, dirname(file)));
        modules.set(file, { code, sources: map.sources.map((source) => join(builtIn, source)) });
        for (const specifier of importsOf(code)) {
          if (OPTIONAL_DYNAMIC_IMPORTS.has(specifier)) continue;
          const target = specifier.startsWith('.') ? join(dirname(file), specifier) : undefined;
          if (target && target.startsWith(`${dist}/`) && existsSync(target)) queue.push(target);
          else outside.push(`${relative(dist, file)} imports ${specifier}`);
        }
      }
      // Nothing to load from anywhere but the package's own dist/.
      assert.deepEqual(outside, []);

      // What went in, from the source maps: never openai, the server half of the metadata entry,
      // a Node built-in, the local backend or Lit's development build.
      const sources = [...modules.values()].flatMap((module) =>
        module.sources.map((source) => relative(ROOT, source)),
      );
      const forbidden = sources.filter(
        (source) =>
          /node_modules\/openai\/|\/metadata\/server\/|packages\/dev-backend\/|\/development\//.test(
            source,
          ) || nodeBuiltins.has(source),
      );
      assert.deepEqual(forbidden, []);
      const entrySources =
        modules.get(join(dist, name))?.sources.map((source) => relative(ROOT, source)) ?? [];
      assert.ok(
        entrySources.some((source) => source.startsWith('node_modules/lit-html/')),
        'Lit is in the entry',
      );
      assert.ok(
        entrySources.some((source) => source.startsWith('packages/sdk/src/')),
        'the SDK is in the entry',
      );

      // Every define module is in the entry, so loading the one file registers every element,
      // except the conversation pane's and the workspace's, which are in lazy chunks that the
      // autoloader (in the entry) loads when their tags appear.
      const lazyTags = Object.keys(LAZY_BUNDLE_ELEMENTS);
      for (const entry of codeEntries(publishedPackage('elements')).filter((item) =>
        item.subpath.endsWith('/define.js'),
      )) {
        const lazy = lazyTags.some((tag) => entry.subpath === `./${tag}/define.js`);
        assert.equal(
          entrySources.includes(relative(ROOT, entry.source)),
          !lazy,
          `${entry.subpath} is ${lazy ? '' : 'not '}in ${name}'s entry`,
        );
        if (lazy)
          assert.ok(
            sources.includes(relative(ROOT, entry.source)),
            `${entry.subpath} is in a chunk`,
          );
      }
      assert.ok(entrySources.includes('src/autoload.ts'), 'the autoloader is in the entry');
      if (BROWSER_BUNDLES[name]?.supabase) {
        assert.ok(
          entrySources.some((source) => source.startsWith('node_modules/@supabase/supabase-js/')),
        );
      } else {
        assert.ok(
          !sources.some((source) => source.includes('node_modules/@supabase/')),
          'no supabase-js',
        );
      }
    });
  }
});
