// Types of rollup.config.mjs for the TypeScript modules that reuse its builds
// (bench/bundles/sizes.ts, test/packaging/*).
import type { OutputOptions, RollupOptions } from 'rollup';

export type PackageId = 'sdk' | 'elements';

export interface BrowserBundleVariant {
  /** Which packages' code the bundle starts from. */
  parts: PackageId[];
  /** Also export supabase-js's `createClient`. */
  supabase?: boolean;
  /** Other modules to re-export whole. */
  reexport?: string[];
  /** Leave imports of other packages (lit, zod, our packages not in `parts`) as imports. */
  thirdPartyExternal?: boolean;
  /** The entry's file name in dist/ (default `bundle.js`). */
  fileName?: string;
}

export type BuildOptions = Omit<RollupOptions, 'output'> & { output: OutputOptions };

export declare function libraryOptions(id: PackageId): BuildOptions;
export declare function browserBundleOptions(variant: BrowserBundleVariant): BuildOptions;
export declare const BROWSER_BUNDLES: Record<string, BrowserBundleVariant>;
/** Elements the browser bundles load lazily (src/autoload.ts): tag name → class name. */
export declare const LAZY_BUNDLE_ELEMENTS: Record<string, string>;
/** SDK classes the browser bundles export as types only (a lazy chunk holds them). */
export declare const LAZY_BUNDLE_SDK_VALUES: readonly string[];
declare const config: BuildOptions[];
export default config;
