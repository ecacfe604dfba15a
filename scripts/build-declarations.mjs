// Declarations (.d.ts) of the published packages, with the TypeScript compiler, from the entry
// points in their `exports`. The SDK first: the elements' declarations import its published
// types, exactly as a consumer resolves them (without the @chat-sessions/source condition).
// Type errors fail the build. Run by scripts/build.mjs, alongside Rollup.
//
// Usage: node scripts/build-declarations.mjs
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT, codeEntries, publishedPackage } from './package-entries.mjs';

function baseCompilerOptions() {
  const file = join(ROOT, 'tsconfig.base.json');
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT, file).options;
}

function formatDiagnostics(diagnostics) {
  return ts.formatDiagnosticsWithColorAndContext(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => '\n',
  });
}

/**
 * Fails with one clear line per import (type-only ones included: they stay in the .d.ts files)
 * that reaches out of the package's src/, e.g. `../../packages/sdk/src/models/session.js`.
 */
function reportImportsOutsideSrc(program, srcRoot) {
  const problems = [];
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || relative(srcRoot, file.fileName).startsWith('..')) continue;
    for (const { fileName: specifier } of ts.preProcessFile(file.text, true, true).importedFiles) {
      if (
        specifier.startsWith('.') &&
        relative(srcRoot, join(file.fileName, '..', specifier)).startsWith('..')
      ) {
        problems.push(`  ${relative(ROOT, file.fileName)} imports '${specifier}'`);
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `published code may only import files inside ${relative(ROOT, srcRoot) || '.'}/ by path; import other ` +
        `workspaces by package name (e.g. \`import type { Session } from '@chat-sessions/sdk'\`):\n${problems.join('\n')}`,
    );
  }
}

/** Emits the .d.ts files of one package's entry points (and what they import) into its dist/. */
function buildDeclarations(id) {
  const pkg = publishedPackage(id);
  const program = ts.createProgram({
    rootNames: [
      ...codeEntries(pkg).map((entry) => entry.source),
      // Not an npm entry, but the browser bundles' declarations re-export it.
      ...(id === 'elements' ? [join(pkg.dir, 'src', 'autoload.ts')] : []),
    ],
    options: {
      ...baseCompilerOptions(),
      rootDir: join(pkg.dir, 'src'),
      outDir: join(pkg.dir, 'dist'),
      declaration: true,
      emitDeclarationOnly: true,
      declarationMap: false,
      sourceMap: false,
      noEmit: false,
      // Resolve sibling packages the way a consumer does: through their published types.
      customConditions: [],
      types: id === 'sdk' ? ['node'] : [],
    },
  });
  reportImportsOutsideSrc(program, join(pkg.dir, 'src'));
  const isError = (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error;
  // Check first: with errors (a file outside rootDir, say) tsc would still write files, some of
  // them next to the sources.
  const errors = ts.getPreEmitDiagnostics(program).filter(isError);
  if (errors.length === 0)
    errors.push(...program.emit(undefined, undefined, undefined, true).diagnostics.filter(isError));
  if (errors.length > 0) {
    throw new Error(`declarations of ${pkg.name} failed:\n${formatDiagnostics(errors)}`);
  }
}

for (const id of ['sdk', 'elements']) buildDeclarations(id);
