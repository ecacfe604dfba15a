import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import ts from 'typescript';

/**
 * Every symbol the SDK's entry point exports carries a doc comment, and the entry points
 * (`createChatSessions`, the stores, the sync engine) carry an example.
 */

const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/index.ts');

function documentation(
  checker: ts.TypeChecker,
  symbol: ts.Symbol,
): { text: string; tags: string[] } {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const text = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
  const tags = target.getJsDocTags(checker).map((tag) => tag.name);
  return { text, tags };
}

describe('exports of @chat-sessions/sdk', () => {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  assert.ok(source);
  const module = checker.getSymbolAtLocation(source);
  assert.ok(module);
  const exported = checker.getExportsOfModule(module);

  it('exports explicitly (no `export *`)', () => {
    assert.ok(!/export \*/.test(source.getFullText()));
    assert.ok(exported.length > 100);
  });

  it('documents every exported symbol', () => {
    const undocumented = exported
      .filter((symbol) => documentation(checker, symbol).text === '')
      .map((symbol) => symbol.name);
    assert.deepEqual(undocumented, []);
  });

  it('shows an example on every entry point', () => {
    const entryPoints = [
      'createChatSessions',
      'SessionListStore',
      'MessageStore',
      'OperatorThreadStore',
      'DraftStore',
      'ChangeFeedSync',
      'realtimeNudge',
      'ChatSessionsError',
      'Result',
      'SessionsClient',
      'MessagesClient',
      'ThreadsClient',
      'ChangesClient',
      'availableActions',
    ];
    const missing = entryPoints.filter((name) => {
      const symbol = exported.find((candidate) => candidate.name === name);
      return !symbol || !documentation(checker, symbol).tags.includes('example');
    });
    assert.deepEqual(missing, []);
  });
});
