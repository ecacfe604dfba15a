// A Rollup plugin that minifies the literal parts of Lit's tagged templates at build time: the
// bytes a browser bundle ships for its styles and markup, without changing what they render.
//
// Only templates whose tag is `css`, `html` or `svg` imported from Lit (`lit`, `lit-html`,
// `lit-element`, `@lit/reactive-element`) are touched, found on the AST Rollup gives
// (`this.parse`, after scripts/rollup-typescript.mjs has made the module JavaScript); the `${…}`
// expressions and everything else in the module stay as written, so a template keeps exactly as
// many literal parts, in the same places. Each template is minified as a whole, its expressions
// standing in as opaque tokens, so a string, comment or tag that spans an expression is seen as
// one. Where a template holds something this does not understand (an unterminated string or
// comment, a tag name made by an expression), it is left as written.
//
// css`…` (see minifyCss): comments removed, whitespace collapsed, and removed next to the
// punctuation where CSS never needs it, a `;` before `}` dropped, an identifier in an attribute
// selector unquoted (`[part~=header]`); strings, `url(…)` and escapes untouched; the spaces that
// carry meaning (descendant combinators, `a b` values, `calc(1px + 2px)`, `and (`) kept.
//
// html`…` / svg`…` (see minifyHtml): a run of whitespace between tags (or bindings) that holds a
// line break becomes one line break (the template's indentation), and the whitespace inside a
// tag, between its attributes, becomes one space (none before `>`). Attribute values, comments and
// the contents of <pre>, <textarea>, <script>, <style> and <title> are never touched, and no
// whitespace text is removed: every text node Lit's template makes stays, so the DOM has the same
// nodes and every binding the same part. Why a line break and not a space: under
// `white-space: normal`, `nowrap` and `pre-line` (inherited from a host, too) a run of whitespace
// that holds a line break renders exactly as one line break; a space would not under `pre-line`.
// (Under `pre` and `pre-wrap` the indentation itself would show, which no element here intends.)
//
// The minifiers work as edits (drop this whitespace, put one space there), never by rewriting a
// whole part, and the plugin returns a source map of those edits: every token left as it was,
// inside templates too, still maps to itself (in the minified bundles terser then maps a
// template's literal parts at their start, as it maps any token). It replaces the TypeScript
// transformer that used to collapse css`…` whitespace in scripts/rollup-typescript.mjs.

const litModules = new Set(['lit', 'lit-html', 'lit-element', '@lit/reactive-element']);
const tagKinds = { css: 'css', html: 'html', svg: 'html' };

/** Stands in for a `${…}` expression while a template is minified as one string. */
const BINDING = '\u0000';

const isSpace = (char) =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';

/**
 * The minified text of one template being written: pieces copied from the joined template text
 * (its parts joined with BINDING) and pieces put in their stead, so the result is known as edits
 * of the parts as written; a source map then still points every token left as it was at itself.
 */
class Minified {
  /** @param {string} text the template's parts joined with BINDING */
  constructor(text) {
    this.text = text;
    this.result = '';
    /** @type {Array<{ from: number, to: number } | { put: string }>} */
    this.pieces = [];
  }

  /** Appends text[from, to) as written (what lies before `from` since the last copy is dropped). */
  copy(from, to) {
    if (to <= from) return;
    this.result += this.text.slice(from, to);
    const last = this.pieces.at(-1);
    if (last && 'to' in last && last.to === from) last.to = to;
    else this.pieces.push({ from, to });
  }

  /** Appends `text`, which stands for whatever is dropped between the copies around it. */
  put(text) {
    this.result += text;
    this.pieces.push({ put: text });
  }

  /** The last character written. */
  last() {
    return this.result.at(-1);
  }

  /**
   * The edits of each part (offsets into the part), or `null` if an edit would take a binding
   * with it (then the template is left as written).
   * @param {readonly string[]} strings the parts
   * @returns {Array<Array<{ start: number, end: number, text: string }>> | null}
   */
  edits(strings) {
    /** @type {Array<{ start: number, end: number, text: string }>} */
    const joined = [];
    let cursor = 0;
    let put = '';
    const close = (until) => {
      if (until > cursor || put !== '') joined.push({ start: cursor, end: until, text: put });
      put = '';
    };
    for (const piece of this.pieces) {
      if ('put' in piece) {
        put += piece.put;
        continue;
      }
      close(piece.from);
      cursor = piece.to;
    }
    close(this.text.length);
    const starts = [];
    let offset = 0;
    for (const part of strings) {
      starts.push(offset);
      offset += part.length + 1;
    }
    const perPart = strings.map(() => []);
    for (const edit of joined) {
      if (this.text.slice(edit.start, edit.end).includes(BINDING)) return null;
      let part = starts.length - 1;
      while (starts[part] > edit.start) part -= 1;
      perPart[part].push({
        start: edit.start - starts[part],
        end: edit.end - starts[part],
        text: edit.text,
      });
    }
    return perPart;
  }
}

/** Applies each part's edits (sorted, not overlapping) to it. */
function applyPartEdits(strings, perPart) {
  return strings.map((part, index) => {
    let result = '';
    let position = 0;
    for (const edit of perPart[index]) {
      result += part.slice(position, edit.start) + edit.text;
      position = edit.end;
    }
    return result + part.slice(position);
  });
}

const unchanged = (strings) => strings.map(() => []);

// Whitespace next to these is never needed in CSS: `a{`, `}b`, `a;b`, `a,b`, `a>b`, `a~b`.
const cssOpenAfter = new Set(['{', '}', ';', ',', '>', '~', ':', '(']);
const cssOpenBefore = new Set(['{', '}', ';', ',', '>', '~', ')', '!']);

/**
 * The literal parts (raw text) of one css`…` template, minified. Kept: every space between two
 * words, numbers or bindings (`a b`, `1px + 2px`, `${x} ${y}`), a space before `:` (a selector's
 * `a :hover` is not `a:hover`), before `(` (`and (`), before `[`, after `)`, and around `+`, `-`,
 * `*` and `/` (calc).
 * @param {readonly string[]} strings
 * @returns {string[]} the same number of parts
 */
export function minifyCss(strings) {
  return applyPartEdits(strings, cssEdits(strings));
}

/** The edits minifyCss makes, per part. @param {readonly string[]} strings */
export function cssEdits(strings) {
  const text = strings.join(BINDING);
  if (strings.some((part) => part.includes(BINDING))) return unchanged(strings);
  const out = new Minified(text);
  let pendingSpace = false;
  // Inside `[…]`: an attribute selector.
  let attributeSelector = 0;
  let index = 0;
  const length = text.length;
  // Whitespace and comments seen since the last token: flushed as one space, or none.
  const flush = (next) => {
    if (!pendingSpace) return;
    pendingSpace = false;
    const previous = out.last();
    if (previous === undefined || next === undefined) return;
    if (cssOpenAfter.has(previous) || cssOpenBefore.has(next)) {
      // `--x: ;` (an empty custom property) needs its space in older browsers.
      if (previous === ':' && (next === ';' || next === '}')) out.put(' ');
      return;
    }
    out.put(' ');
  };
  while (index < length) {
    const char = text[index];
    if (isSpace(char)) {
      pendingSpace = true;
      index += 1;
      continue;
    }
    if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      if (end === -1) return unchanged(strings);
      const start = index;
      index = end + 2;
      if (text.slice(start, index).includes(BINDING)) {
        // A binding inside a comment is still one of the template's values: keep it.
        flush('/');
        out.copy(start, index);
      } else if (!pendingSpace && out.result !== '' && index < length && !isSpace(text[index])) {
        // `a/**/b` is two tokens without whitespace between them, not `a b` nor `ab`.
        out.put('/**/');
      } else {
        pendingSpace = true;
      }
      continue;
    }
    flush(char);
    if (char === '"' || char === "'") {
      let end = index + 1;
      while (end < length && text[end] !== char) {
        if (text[end] === '\\') end += 1;
        else if (text[end] === '\n') return unchanged(strings);
        end += 1;
      }
      if (end >= length) return unchanged(strings);
      if (
        attributeSelector > 0 &&
        out.last() === '=' &&
        text[end + 1] === ']' &&
        /^[a-zA-Z_][\w-]*$/.test(text.slice(index + 1, end))
      ) {
        // `[part~='header']` is `[part~=header]`: an identifier needs no quotes.
        out.copy(index + 1, end);
      } else out.copy(index, end + 1);
      index = end + 1;
      continue;
    }
    if (char === '[') attributeSelector += 1;
    else if (char === ']' && attributeSelector > 0) attributeSelector -= 1;
    if (char === '\\') {
      // An escape (in raw template text, also a JavaScript escape): the pair stays as written.
      out.copy(index, index + 2);
      index += 2;
      continue;
    }
    if (
      (char === 'u' || char === 'U') &&
      /^url\(/i.test(text.slice(index, index + 4)) &&
      !/[\w-]/.test(text[index - 1] ?? '')
    ) {
      // An unquoted url(…) is one token up to its `)`: whatever is inside stays.
      let open = index + 4;
      while (open < length && isSpace(text[open])) open += 1;
      if (text[open] !== '"' && text[open] !== "'") {
        const end = text.indexOf(')', open);
        if (end === -1) return unchanged(strings);
        out.copy(index, end + 1);
        index = end + 1;
        continue;
      }
      out.copy(index, index + 4);
      index += 4;
      continue;
    }
    if (char === ';') {
      // `;` right before `}` (whitespace and comments aside) is not needed, unless it follows a
      // binding, whose value we can't see.
      let next = index + 1;
      for (;;) {
        while (next < length && isSpace(text[next])) next += 1;
        if (text[next] === '/' && text[next + 1] === '*') {
          const end = text.indexOf('*/', next + 2);
          if (end === -1 || text.slice(next, end).includes(BINDING)) break;
          next = end + 2;
          continue;
        }
        break;
      }
      if (text[next] === '}' && out.last() !== BINDING && out.last() !== ';') {
        index += 1;
        continue;
      }
    }
    out.copy(index, index + 1);
    index += 1;
  }
  return out.edits(strings) ?? unchanged(strings);
}

/** Elements whose content is not markup, or where whitespace is content. */
const verbatimElements = new Set(['pre', 'textarea', 'script', 'style', 'title', 'listing', 'xmp']);

/**
 * The literal parts (raw text) of one html`…` or svg`…` template, minified as the file's header
 * describes.
 * @param {readonly string[]} strings
 * @returns {string[]} the same number of parts
 */
export function minifyHtml(strings) {
  return applyPartEdits(strings, htmlEdits(strings));
}

/** The edits minifyHtml makes, per part. @param {readonly string[]} strings */
export function htmlEdits(strings) {
  const text = strings.join(BINDING);
  if (strings.some((part) => part.includes(BINDING))) return unchanged(strings);
  const out = new Minified(text);
  let index = 0;
  const length = text.length;
  while (index < length) {
    const char = text[index];
    if (isSpace(char)) {
      // Text content: a whitespace-only run between tags, bindings or the template's ends.
      let end = index;
      while (end < length && isSpace(text[end])) end += 1;
      const run = text.slice(index, end);
      const before = out.last();
      const after = text[end];
      const betweenTags =
        (before === undefined || before === '>' || before === BINDING) &&
        (after === undefined || after === '<' || after === BINDING);
      if (!betweenTags || !run.includes('\n') || run === '\n') out.copy(index, end);
      else if (run.startsWith('\n')) out.copy(index, index + 1);
      else out.put('\n');
      index = end;
      continue;
    }
    if (char === '<' && text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4);
      if (end === -1) return unchanged(strings);
      out.copy(index, end + 3);
      index = end + 3;
      continue;
    }
    if (char === '<' && /^<\/?[a-zA-Z]/.test(text.slice(index, index + 3))) {
      const closing = text[index + 1] === '/';
      const nameStart = index + (closing ? 2 : 1);
      let nameEnd = nameStart;
      while (nameEnd < length && !isSpace(text[nameEnd]) && !'/>'.includes(text[nameEnd])) {
        nameEnd += 1;
      }
      const name = text.slice(nameStart, nameEnd).toLowerCase();
      if (name.includes(BINDING)) return unchanged(strings);
      out.copy(index, nameEnd);
      index = nameEnd;
      // Inside the tag: attributes, each separated by one space, none before `>`.
      for (;;) {
        if (index >= length) return unchanged(strings);
        const inTag = text[index];
        if (isSpace(inTag)) {
          let end = index;
          while (end < length && isSpace(text[end])) end += 1;
          if (text[end] === '>') {
            // Nothing.
          } else if (text[index] === ' ') out.copy(index, index + 1);
          else out.put(' ');
          index = end;
          continue;
        }
        if (inTag === '"' || inTag === "'") {
          const end = text.indexOf(inTag, index + 1);
          if (end === -1) return unchanged(strings);
          out.copy(index, end + 1);
          index = end + 1;
          continue;
        }
        out.copy(index, index + 1);
        index += 1;
        if (inTag === '>') break;
      }
      if (!closing && verbatimElements.has(name)) {
        const close = text.toLowerCase().indexOf(`</${name}`, index);
        if (close === -1) return unchanged(strings);
        out.copy(index, close);
        index = close;
      }
      continue;
    }
    out.copy(index, index + 1);
    index += 1;
  }
  return out.edits(strings) ?? unchanged(strings);
}

/** Calls `visit` on every node of an ESTree AST. */
export function walk(node, visit) {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (value && typeof value === 'object') walk(value, visit);
  }
}

/**
 * Local names bound to Lit's template tags by the module's imports: `css`, `html` and `svg`
 * (also under another name, `import { html as h }`), to the kind of minification they get.
 * @returns {Map<string, 'css' | 'html'>}
 */
function litTagBindings(program) {
  const bindings = new Map();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || !litModules.has(statement.source.value)) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ImportSpecifier') continue;
      const imported = specifier.imported.name ?? specifier.imported.value;
      if (Object.hasOwn(tagKinds, imported)) bindings.set(specifier.local.name, tagKinds[imported]);
    }
  }
  return bindings;
}

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source-map VLQ value. @param {number} value */
function vlq(value) {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let encoded = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    encoded += base64[digit];
  } while (rest > 0);
  return encoded;
}

/**
 * Applies `edits` (sorted, not overlapping) to `code` and maps the result back to it: a segment
 * at every token of the text left as it was, and one at the start of each replacement.
 * @param {string} code
 * @param {ReadonlyArray<{ start: number, end: number, text: string }>} edits
 */
export function applyEdits(code, edits, file) {
  let output = '';
  const lines = [];
  let segments = [];
  let generatedColumn = 0;
  let previousGeneratedColumn = 0;
  let line = 0;
  let column = 0;
  let previousLine = 0;
  let previousColumn = 0;
  const mark = () => {
    segments.push(
      vlq(generatedColumn - previousGeneratedColumn) +
        'A' +
        vlq(line - previousLine) +
        vlq(column - previousColumn),
    );
    previousGeneratedColumn = generatedColumn;
    previousLine = line;
    previousColumn = column;
  };
  const newLine = () => {
    lines.push(segments.join(','));
    segments = [];
    generatedColumn = 0;
    previousGeneratedColumn = 0;
  };
  const wordChar = /[\w$]/;
  const copy = (from, to) => {
    for (let index = from; index < to; index += 1) {
      const char = code[index];
      if (char === '\n') {
        output += char;
        newLine();
        line += 1;
        column = 0;
        continue;
      }
      const previous = index > from ? code[index - 1] : '';
      const startsToken =
        !isSpace(char) &&
        (generatedColumn === 0 ||
          index === from ||
          !wordChar.test(char) ||
          !wordChar.test(previous));
      if (startsToken) mark();
      output += char;
      generatedColumn += 1;
      column += 1;
    }
  };
  const skip = (from, to) => {
    for (let index = from; index < to; index += 1) {
      if (code[index] === '\n') {
        line += 1;
        column = 0;
      } else column += 1;
    }
  };
  let position = 0;
  for (const edit of edits) {
    copy(position, edit.start);
    // A deletion gets no segment of its own: the text after it has one, at the same column.
    if (edit.text !== '') mark();
    for (const char of edit.text) {
      output += char;
      if (char === '\n') {
        newLine();
        mark();
      } else generatedColumn += char.length;
    }
    skip(edit.start, edit.end);
    position = edit.end;
  }
  copy(position, code.length);
  lines.push(segments.join(','));
  return {
    code: output,
    map: {
      version: 3,
      sources: [file],
      sourcesContent: [code],
      names: [],
      mappings: lines.join(';'),
    },
  };
}

/**
 * Every template in a module's AST whose tag is one of Lit's (see litTagBindings), in source
 * order: its kind and its literal parts (ESTree `TemplateElement`s, whose `start`/`end` span the
 * raw text).
 * @returns {Array<{ kind: 'css' | 'html', quasis: Array<{ start: number, end: number, value: { raw: string } }> }>}
 */
export function litTemplates(program) {
  const bindings = litTagBindings(program);
  const templates = [];
  if (bindings.size === 0) return templates;
  walk(program, (node) => {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
    const kind = bindings.get(node.tag.name);
    if (kind) templates.push({ kind, quasis: node.quasi.quasis });
  });
  return templates;
}

/**
 * The edits that minify every Lit template in one module's AST.
 * @param {{ css?: boolean, html?: boolean }} kinds which templates to minify.
 */
export function templateEdits(program, kinds) {
  const edits = [];
  for (const { kind, quasis } of litTemplates(program)) {
    if (!kinds[kind]) continue;
    const raw = quasis.map((quasi) => quasi.value.raw);
    const perPart = kind === 'css' ? cssEdits(raw) : htmlEdits(raw);
    quasis.forEach((quasi, index) => {
      for (const edit of perPart[index]) {
        edits.push({
          start: quasi.start + edit.start,
          end: quasi.start + edit.end,
          text: edit.text,
        });
      }
    });
  }
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * The plugin. Put it after the plugin that makes TypeScript JavaScript.
 * @param {{ css?: boolean, html?: boolean }} [kinds] which templates to minify (default both).
 * @returns {import('rollup').Plugin}
 */
export function minifyTemplates({ css = true, html = true } = {}) {
  return {
    name: 'chat-sessions:minify-templates',
    transform(code, id) {
      if (id.includes('/node_modules/') || id.startsWith('\0')) return null;
      if (!/\b(?:css|html|svg)\b/.test(code) || !/\blit/.test(code)) return null;
      const edits = templateEdits(this.parse(code), { css, html });
      if (edits.length === 0) return null;
      return applyEdits(code, edits, id);
    },
  };
}
