// A Rollup plugin that turns each TypeScript module into JavaScript on its own
// (`ts.transpileModule`, the same per-file transform `isolatedModules` already guarantees is
// safe), and maps the `./x.js` specifiers TypeScript sources use to the `./x.ts` files on disk.
//
// Why not @rollup/plugin-typescript (measured, issue #10): it type-checks the whole program on
// every build, which is `npm run typecheck`'s job and which the declaration step (tsc) of
// scripts/build.mjs repeats anyway, so type errors still fail the build. Building the browser
// bundle (elements + SDK) with it, interleaved with this plugin in one process, took 1.68-1.69x
// as long in each of three rounds (26.5 s vs 15.8 s on a loaded 2-core machine) and produced a
// byte-identical entry chunk (94,176 B gzip -9); it also needs a tsconfig overriding rootDir and
// outDir to span both packages' sources and to sit inside Rollup's output folder.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { ROOT } from './package-entries.mjs';

const typeScriptFile = /\.(?:m|c)?tsx?$/;

/** tsconfig.base.json's options, as the compiler's API takes them, set up for Rollup. */
function compilerOptions() {
  const file = join(ROOT, 'tsconfig.base.json');
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT, file);
  if (errors.length > 0) {
    throw new Error(
      errors
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
        .join('\n'),
    );
  }
  return {
    ...options,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    declaration: false,
    declarationMap: false,
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: false,
    // Decorator helpers (`__decorate`) come from tslib once, instead of a copy in every element.
    importHelpers: true,
    noEmitHelpers: false,
  };
}

/** @returns {import('rollup').Plugin} */
export function typescriptModules() {
  const options = compilerOptions();
  return {
    name: 'chat-sessions:typescript-modules',
    async resolveId(source, importer) {
      if (!importer || !typeScriptFile.test(importer) || !source.startsWith('.')) return null;
      const match = /\.(m|c)?js$/.exec(source);
      if (!match) return null;
      const candidate = resolve(
        dirname(importer),
        `${source.slice(0, -match[0].length)}.${match[1] ?? ''}ts`,
      );
      if (!existsSync(candidate)) return null;
      // Resolve the .ts path through the other plugins too, so node-resolve still applies the
      // owning package's `sideEffects`.
      const resolved = await this.resolve(candidate, importer, { skipSelf: true });
      return resolved ?? candidate;
    },
    transform(code, id) {
      if (!typeScriptFile.test(id) || id.endsWith('.d.ts')) return null;
      const output = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: options,
        reportDiagnostics: true,
      });
      const problems = (output.diagnostics ?? []).filter(
        (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
      );
      if (problems.length > 0) {
        this.error(
          problems
            .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
            .join('\n'),
        );
      }
      return {
        code: output.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'),
        map: output.sourceMapText ?? null,
      };
    },
  };
}
