// A Rollup plugin for the minified browser bundles: each distinct license comment terser keeps
// (`@license`, `@preserve`) stays once per output file, its first time. Lit's modules each carry
// the same few notices ("Copyright 2017 Google LLC, SPDX-License-Identifier: BSD-3-Clause"), so
// the entry held 23 license comments, 5 of them distinct. Measured (issue #16): bundle -75 B gzip.
//
// Put it after terser. A comment is only ever taken out of the code between tokens: a candidate
// that lies inside a string or template literal of the chunk's AST is left alone.
import { applyEdits, walk } from './rollup-minify-templates.mjs';

/** A comment terser printed on lines of its own: `/*` or `/**` at a line's start, up to `*\/`. */
const licenseComment = /(?<=^|\n)\/\*[\s\S]*?\*\/\n?/g;

/** @returns {import('rollup').Plugin} */
export function licenseCommentsOnce() {
  return {
    name: 'chat-sessions:license-comments-once',
    renderChunk(code, chunk) {
      const seen = new Set();
      const duplicates = [];
      for (const match of code.matchAll(licenseComment)) {
        const comment = match[0].trimEnd();
        if (!/@license|@preserve/.test(comment)) continue;
        if (seen.has(comment))
          duplicates.push({ start: match.index, end: match.index + match[0].length, text: '' });
        else seen.add(comment);
      }
      if (duplicates.length === 0) return null;
      // Inside a literal it is text, not a comment.
      const literals = [];
      walk(this.parse(code), (node) => {
        if (node.type === 'Literal' || node.type === 'TemplateLiteral') literals.push(node);
      });
      const edits = duplicates.filter(
        (edit) => !literals.some((node) => node.start < edit.end && edit.start < node.end),
      );
      if (edits.length === 0) return null;
      return applyEdits(code, edits, chunk.fileName);
    },
  };
}
