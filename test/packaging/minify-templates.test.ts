// The build-time minifier of Lit's templates (scripts/rollup-minify-templates.mjs): exact output
// on the cases that matter (strings, url(), calc(), custom properties, bindings; attributes,
// text, <pre>), through a real Rollup build with source maps; then, in Chromium, every css`…`
// and html`…` template of our sources parses to the same style rules and the same DOM (the same
// nodes, attributes and bindings) minified as written.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { rollup, type Plugin } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import ts from 'typescript';
import { BROWSER_BUNDLES, browserBundleOptions } from '../../rollup.config.mjs';
import { ROOT } from '../../scripts/package-entries.mjs';
import {
  litTemplates,
  minifyCss,
  minifyHtml,
  minifyTemplates,
} from '../../scripts/rollup-minify-templates.mjs';
import { licenseCommentsOnce } from '../../scripts/rollup-license-comments.mjs';
import { launchChromium } from '../support/e2e-browser.js';

describe('css`…` minification', () => {
  it('drops comments, the whitespace CSS never needs and the quotes around identifiers in attribute selectors; keeps strings, url() and the spaces that matter', () => {
    const source = `
  /* The host's box. */
  :host {
    display: block;
    background: url( "a  b.png" ) no-repeat, url(x  y.png);
    width: calc(100% - (2 * var(--gap, 4px)) + 1px);
    margin: var(--margin, 0 0) auto;
    content: '  two   spaces ';
    quotes: "\\"" '\\'';
    font-family: 'Inter', system-ui , sans-serif;
    --empty: ;
  }
  a :hover, b > c ~ d + e, [part~='x'] .y, [data-n='1a'], [title="a b"] {
    color: red !important;
  }
  @media (min-width: 600px) and (prefers-reduced-motion: reduce) {
    .x/**/.y { transition: none; }
  }
`;
    assert.deepEqual(minifyCss([source]), [
      ':host{display:block;background:url("a  b.png") no-repeat,url(x  y.png);' +
        'width:calc(100% - (2 * var(--gap,4px)) + 1px);margin:var(--margin,0 0) auto;' +
        "content:'  two   spaces ';quotes:\"\\\"\" '\\'';font-family:'Inter',system-ui,sans-serif;" +
        '--empty: }' +
        'a :hover,b>c~d + e,[part~=x] .y,[data-n=\'1a\'],[title="a b"]{color:red!important}' +
        '@media (min-width:600px) and (prefers-reduced-motion:reduce){.x/**/.y{transition:none}}',
    ]);
  });

  it('minifies across `${}` bindings without moving them', () => {
    // Parts of css`\n  ${tokens}\n  :host {\n    color: ${color};\n  }\n  .a ${x} .b { … }`.
    assert.deepEqual(
      minifyCss([
        '\n  ',
        '\n  :host {\n    color: ',
        ';\n  }\n  .a ',
        ' .b {\n    margin: 0;\n  }\n  /* ',
        ' */\n',
      ]),
      ['', ' :host{color:', ';}.a ', ' .b{margin:0}/* ', ' */'],
    );
  });

  it('leaves a template it cannot read as written', () => {
    const parts = ['a { content: "unterminated }', ''];
    assert.deepEqual(minifyCss(parts), parts);
  });
});

describe('html`…` / svg`…` minification', () => {
  it('makes indentation between tags one line break and tags one line; keeps values, text and <pre>', () => {
    // Parts of a template with bindings in an attribute, a property, an event and text.
    const parts = [
      '\n  <div\n    part="base"\n    class="a  b"\n    title=',
      '\n    .value=',
      '\n    @click=',
      '\n  >\n    <span>  two   spaces  </span>\n    ',
      '\n    <pre>\n  kept   as\n    written\n</pre>\n    <textarea>\n  ',
      '  </textarea>\n    <input value=',
      ' />\n    <!--  a   comment  -->\n    Hello\n      world\n  </div>\n',
    ];
    assert.deepEqual(minifyHtml(parts), [
      '\n<div part="base" class="a  b" title=',
      ' .value=',
      ' @click=',
      '>\n<span>  two   spaces  </span>\n',
      '\n<pre>\n  kept   as\n    written\n</pre>\n<textarea>\n  ',
      '  </textarea>\n<input value=',
      ' />\n<!--  a   comment  -->\n    Hello\n      world\n  </div>\n',
    ]);
  });

  it('never removes whitespace text: a run without a line break stays as written', () => {
    const parts = ['<b>a</b> <i>b</i>\t', ''];
    assert.deepEqual(minifyHtml(parts), parts);
  });
});

/**
 * Decodes a source map's `mappings`: per generated line, [generated column, source index, source
 * line, source column] segments.
 */
function decodeMappings(mappings: string): Array<Array<[number, number, number, number]>> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const state = [0, 0, 0, 0];
  return mappings.split(';').map((line) => {
    state[0] = 0;
    if (line === '') return [];
    return line.split(',').map((segment) => {
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = alphabet.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      values.forEach((delta, index) => (state[index] = (state[index] ?? 0) + delta));
      return [state[0]!, state[1]!, state[2]!, state[3]!];
    });
  });
}

/** Line and column (0-based) of the first `text` in `code`. */
function positionOf(code: string, text: string): { line: number; column: number } {
  const index = code.indexOf(text);
  assert.notEqual(index, -1, `${text} is in the code`);
  const before = code.slice(0, index).split('\n');
  return { line: before.length - 1, column: before.at(-1)!.length };
}

describe('the plugin in a Rollup build', () => {
  let folder = '';
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'minify-templates-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("minifies only Lit's tagged templates, and the source map still points at the source", async () => {
    const fixture = [
      "import { css, html as litHtml, svg } from 'lit';",
      "import { html as staticHtml } from './not-lit.js';",
      'export const styles = css`',
      '  :host {',
      '    color: ${"red"};',
      '  }',
      '`;',
      'export const view = (label) => litHtml`',
      '  <button',
      '    type="button"',
      '    aria-label=${label}',
      '  >',
      '    ${label}',
      '  </button>',
      '`;',
      'export const icon = svg`',
      '  <svg viewBox="0 0 1 1">',
      '    <path d="M0 0  L1 1"></path>',
      '  </svg>',
      '`;',
      'export const other = staticHtml`\n  <b>\n  </b>\n`;',
      'export const plain = `\n  <b>\n  </b>\n`;',
      "export const markerAfterTemplates = 'marker';",
      '',
    ].join('\n');
    await writeFile(join(folder, 'fixture.js'), fixture);
    await writeFile(
      join(folder, 'not-lit.js'),
      'export const html = (strings, ...values) => String.raw({ raw: strings }, ...values);\n',
    );
    const bundle = await rollup({
      input: join(folder, 'fixture.js'),
      external: ['lit'],
      plugins: [minifyTemplates()],
    });
    const { output } = await bundle.generate({ format: 'es', sourcemap: true });
    await bundle.close();
    const [chunk] = output;
    assert.ok(chunk.type === 'chunk' && chunk.map, 'one chunk with a source map');
    const { code, map } = chunk;
    // Each literal part minified, every binding in its place; other templates as written.
    assert.equal(
      code.replace(/\/\/# sourceMappingURL=.*\n$/, ''),
      [
        "import { css, svg, html as html$1 } from 'lit';",
        '',
        'const html = (strings, ...values) => String.raw({ raw: strings }, ...values);',
        '',
        'const styles = css`:host{color:${"red"};}`;',
        'const view = (label) => html$1`',
        '<button type="button" aria-label=${label}>',
        '${label}',
        '</button>',
        '`;',
        'const icon = svg`',
        '<svg viewBox="0 0 1 1">',
        '<path d="M0 0  L1 1"></path>',
        '</svg>',
        '`;',
        'const other = html`\n  <b>\n  </b>\n`;',
        'const plain = `\n  <b>\n  </b>\n`;',
        "const markerAfterTemplates = 'marker';",
        '',
        'export { icon, markerAfterTemplates, other, plain, styles, view };',
        '',
      ].join('\n'),
    );
    assert.doesNotThrow(() => parseAst(code), 'the output is JavaScript');

    // The marker after the templates (whose lines got shorter and fewer) maps to its source, and
    // so do tokens inside templates whose indentation went.
    const mappings = decodeMappings(map.mappings);
    // (Rollup's own map of a chunk has a segment where each line starts, so tokens there are
    // what a build can map exactly.)
    for (const token of ["'marker'", '<button', '</button>', '<path', '</svg>']) {
      const generated = positionOf(code, token);
      const original = positionOf(fixture, token);
      const segment = mappings[generated.line]?.find(([column]) => column === generated.column);
      assert.ok(segment, `${token}: its column has a segment`);
      assert.ok(map.sources[segment[1]]?.endsWith('fixture.js'), `${token}: in the fixture`);
      assert.deepEqual(segment.slice(2), [original.line, original.column], token);
    }
  });
});

/** The terser plugin of the browser bundles' build, with its options. */
function browserTerser(): Plugin {
  const variant = BROWSER_BUNDLES['chat-sessions.bundle.js']!;
  const plugins = (browserBundleOptions(variant).plugins ?? []) as Plugin[];
  const plugin = plugins.find((candidate) => candidate?.name === 'terser');
  assert.ok(plugin, 'the browser bundles minify with terser');
  return plugin;
}

describe('license comments in a minified chunk', () => {
  let folder = '';
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'license-comments-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps each distinct notice once, and text that only looks like one', async () => {
    const notice = (year: number) =>
      `/**\n * @license\n * Copyright ${year} Google LLC\n * SPDX-License-Identifier: BSD-3-Clause\n */\n`;
    await writeFile(
      join(folder, 'a.js'),
      `${notice(2017)}export function a() {\n  return 'a';\n}\n`,
    );
    await writeFile(
      join(folder, 'b.js'),
      `${notice(2017)}export function b() {\n  return 'b';\n}\n`,
    );
    await writeFile(
      join(folder, 'c.js'),
      `${notice(2019)}export function c() {\n  return 'c';\n}\n`,
    );
    await writeFile(
      join(folder, 'entry.js'),
      [
        "export { a } from './a.js';",
        "export { b } from './b.js';",
        "export { c } from './c.js';",
        `export const text = \`\n${notice(2017)}\`;`,
        '',
      ].join('\n'),
    );
    const bundle = await rollup({
      input: join(folder, 'entry.js'),
      plugins: [
        // The browser bundles' own terser, as configured.
        browserTerser(),
        licenseCommentsOnce(),
      ],
    });
    const { output } = await bundle.generate({ format: 'es', sourcemap: true });
    await bundle.close();
    const [chunk] = output;
    const count = (text: string) => chunk.code.split(text).length - 1;
    // Once as a comment, once in the literal (which terser made a string).
    assert.equal(count('Copyright 2017'), 2, chunk.code);
    assert.equal(count('Copyright 2019'), 1, chunk.code);
    assert.doesNotThrow(() => parseAst(chunk.code), 'the output is JavaScript');
    // The code after a removed comment still maps to its module.
    const generated = positionOf(chunk.code, '"b"');
    const segment = decodeMappings(chunk.map!.mappings)[generated.line]?.find(
      ([column]) => column === generated.column,
    );
    assert.ok(segment && chunk.map!.sources[segment[1]]?.endsWith('b.js'), chunk.code);
  });
});

/** Every .ts file under `folder`. */
async function typeScriptFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

interface SourceTemplate {
  where: string;
  kind: 'css' | 'html';
  original: string[];
  minified: string[];
}

/** Every Lit template of the elements' and the SDK's sources, as written and minified. */
async function sourceTemplates(): Promise<SourceTemplate[]> {
  const files = [
    ...(await typeScriptFiles(join(ROOT, 'src'))),
    ...(await typeScriptFiles(join(ROOT, 'packages', 'sdk', 'src'))),
  ];
  const templates: SourceTemplate[] = [];
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    if (!/\b(?:css|html|svg)`/.test(source)) continue;
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        experimentalDecorators: true,
        useDefineForClassFields: false,
      },
    });
    for (const { kind, quasis } of litTemplates(parseAst(outputText))) {
      const original = quasis.map((quasi) => quasi.value.raw);
      const line = outputText.slice(0, quasis[0]!.start).split('\n').length;
      templates.push({
        where: `${relative(ROOT, file)} (line ${line} of its JavaScript)`,
        kind,
        original,
        minified: kind === 'css' ? minifyCss(original) : minifyHtml(original),
      });
    }
  }
  return templates;
}

/**
 * Runs in the page (as text: tsx would add helpers to a function passed to `page.evaluate`):
 * parses each template as written and minified the way the browser will, and returns the
 * templates whose parses differ. A binding stands as an identifier (css: a value's, a
 * selector's or a block's place alike) or as a marker, as in Lit's own template preparation.
 * CSS: the rules as the CSSOM serializes them (custom properties and var() keep their own
 * spelling, so without the whitespace after a comma or colon, which neither needs). HTML: every
 * node, with every attribute and its value; text as written inside <pre> and <textarea>, and
 * elsewhere with each run of whitespace that holds a line break taken as one line break.
 */
const compareInPage = String.raw`function (kind, list) {
  function rules(parts) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(parts.map((part, index) => (index ? 'binding' + index : '') + part).join(''));
    return Array.from(sheet.cssRules, (rule) => rule.cssText.replace(/([,:]) +/g, '$1'));
  }
  function tree(parts) {
    const template = document.createElement('template');
    template.innerHTML = parts.map((part, index) => (index ? 'lit$' + index + '$' : '') + part).join('');
    const lines = [];
    const walker = document.createTreeWalker(template.content);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        const attributes = Array.from(node.attributes, (a) => a.name + '=' + a.value);
        lines.push('<' + node.localName + ' ' + attributes.join(' ') + '>');
      } else {
        const verbatim = node.parentElement && node.parentElement.closest('pre, textarea');
        const text = node.textContent || '';
        lines.push(node.nodeType + ':' + (verbatim ? text : text.replace(/\s*\n\s*/g, '\n')));
      }
    }
    return lines;
  }
  const parse = kind === 'css' ? rules : tree;
  return list
    .map(({ where, original, minified }) => ({ where, original: parse(original), minified: parse(minified) }))
    .filter((result) => JSON.stringify(result.original) !== JSON.stringify(result.minified));
}`;

describe('every template of our sources, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let templates: SourceTemplate[] = [];
  before(
    async () => {
      templates = await sourceTemplates();
      browser = await launchChromium();
      page = await browser.newPage();
    },
    { timeout: 120_000 },
  );
  after(async () => {
    await browser?.close();
  });

  it('finds and minifies the templates', () => {
    assert.ok(templates.filter((template) => template.kind === 'css').length > 20);
    assert.ok(templates.filter((template) => template.kind === 'html').length > 50);
    const changed = templates.filter(
      (template) => template.minified.join('') !== template.original.join(''),
    );
    assert.ok(changed.length > templates.length / 2, 'most templates get smaller');
    for (const template of templates) {
      assert.equal(template.minified.length, template.original.length, template.where);
    }
  });

  it('css: the same rules, selectors and declarations', async () => {
    const css = templates.filter((template) => template.kind === 'css');
    // Bindings stand as identifiers: a value, a selector or a block's place alike.
    const differences = await page.evaluate(`(${compareInPage})('css', ${JSON.stringify(css)})`);
    assert.deepEqual(differences, []);
    // The comparison sees what a wrong minification would break.
    const broken = [
      { where: 'descendant', original: ['a :hover {}'], minified: ['a:hover{}'] },
      {
        where: 'calc',
        original: ['a { width: calc(1px + 2px) }'],
        minified: ['a{width:calc(1px+2px)}'],
      },
      {
        where: 'and (',
        original: ['@media screen and (color) {}'],
        minified: ['@media screen and(color){}'],
      },
    ];
    const found = await page.evaluate(`(${compareInPage})('css', ${JSON.stringify(broken)})`);
    assert.deepEqual(
      (found as Array<{ where: string }>).map((result) => result.where),
      ['descendant', 'calc', 'and ('],
    );
  });

  it('html: the same nodes, attributes and binding places; text differs only in indentation', async () => {
    const html = templates.filter((template) => template.kind === 'html');
    const differences = await page.evaluate(`(${compareInPage})('html', ${JSON.stringify(html)})`);
    assert.deepEqual(differences, []);
    const broken = [
      { where: 'removed text', original: ['<b></b>\n  <i></i>'], minified: ['<b></b><i></i>'] },
      { where: 'space for newline', original: ['<b></b>\n<i></i>'], minified: ['<b></b> <i></i>'] },
      { where: 'pre', original: ['<pre>\n  a\n  b</pre>'], minified: ['<pre>\n  a\nb</pre>'] },
      { where: 'moved binding', original: ['<b title=', '></b>'], minified: ['<b title>', '</b>'] },
    ];
    const found = await page.evaluate(`(${compareInPage})('html', ${JSON.stringify(broken)})`);
    assert.deepEqual(
      (found as Array<{ where: string }>).map((result) => result.where),
      ['removed text', 'space for newline', 'pre', 'moved binding'],
    );
  });
});
