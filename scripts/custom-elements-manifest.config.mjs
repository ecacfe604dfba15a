// Configuration of @custom-elements-manifest/analyzer for @chat-sessions/elements, used by
// scripts/build.mjs (`cem analyze --config scripts/custom-elements-manifest.config.mjs`).
//
// The analyzer reads the JSDoc of the element classes (@summary, @slot, @csspart, @cssprop,
// @event) and Lit's decorators. Our define modules register elements through the guarded
// `defineElement(tag, Class)` helper rather than `customElements.define`, so the plugin below
// teaches the analyzer that call, which is what gives each class its tag name.

/** Finds `defineElement('tag-name', ElementClass)` calls and records them as definitions. */
function defineElementCalls() {
  return {
    name: 'chat-sessions:define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tagArgument, classArgument] = node.arguments;
      if (
        !tagArgument ||
        !ts.isStringLiteral(tagArgument) ||
        !classArgument ||
        !ts.isIdentifier(classArgument)
      ) {
        return;
      }
      const className = classArgument.text;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tagArgument.text,
          declaration: {
            name: className,
            module: moduleOfImport(ts, node.getSourceFile(), className, moduleDoc.path),
          },
        },
      ];
    },
  };
}

/** The manifest path of the module `name` is imported from (or this module's own path). */
function moduleOfImport(ts, sourceFile, name, modulePath) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
      continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (!bindings.elements.some((element) => element.name.text === name)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) break;
    const parts = modulePath.split('/').slice(0, -1);
    for (const part of specifier.split('/')) {
      if (part === '..') parts.pop();
      else if (part !== '.') parts.push(part);
    }
    return parts.join('/').replace(/\.js$/, '.ts');
  }
  return modulePath;
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // The build sets package.json's `customElements` field itself.
  packagejson: false,
  quiet: true,
  plugins: [defineElementCalls()],
};
