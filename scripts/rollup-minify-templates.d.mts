// Types of rollup-minify-templates.mjs for the TypeScript tests that import it.
import type { Plugin } from 'rollup';

/** The literal parts (raw text) of one css`…` template, minified; as many parts as given. */
export declare function minifyCss(strings: readonly string[]): string[];
/** The literal parts (raw text) of one html`…` or svg`…` template, minified. */
export declare function minifyHtml(strings: readonly string[]): string[];

/** One literal part of a template, as the ESTree AST gives it. */
export interface TemplatePart {
  start: number;
  end: number;
  value: { raw: string };
}

/** Every template in a module's ESTree AST whose tag is Lit's `css`, `html` or `svg`. */
export declare function litTemplates(
  program: unknown,
): Array<{ kind: 'css' | 'html'; quasis: TemplatePart[] }>;

/** The Rollup plugin; `html: false` leaves html`…`/svg`…` templates as written. */
export declare function minifyTemplates(kinds?: { css?: boolean; html?: boolean }): Plugin;
