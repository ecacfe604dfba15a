// Types of rollup-license-comments.mjs for the TypeScript tests that import it.
import type { Plugin } from 'rollup';

/** Keeps each distinct `@license`/`@preserve` comment once per output file (after terser). */
export declare function licenseCommentsOnce(): Plugin;
