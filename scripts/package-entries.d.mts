// Types of package-entries.mjs for the TypeScript tests and benchmarks that import it.

export declare const SOURCE_CONDITION: '@chat-sessions/source';
export declare const ROOT: string;

export interface PublishedPackage {
  id: 'sdk' | 'elements';
  /** Absolute path of the package's folder. */
  dir: string;
  name: string;
  /** The parsed package.json. */
  manifest: {
    name: string;
    version: string;
    exports?: Record<string, unknown>;
    files?: string[];
    sideEffects?: boolean | string[];
    customElements?: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    [field: string]: unknown;
  };
}

export interface CodeEntry {
  /** The export's subpath, patterns expanded (`./flight-request-card/define.js`). */
  subpath: string;
  /** Absolute paths of its TypeScript source, declaration file and module in dist/. */
  source: string;
  types: string;
  output: string;
}

export declare const PUBLISHED_PACKAGES: PublishedPackage[];
export declare function publishedPackage(id: 'sdk' | 'elements'): PublishedPackage;
export declare function codeEntries(pkg: Pick<PublishedPackage, 'dir' | 'manifest'>): CodeEntry[];
export declare function declaredDependencies(pkg: Pick<PublishedPackage, 'manifest'>): Set<string>;
export declare function packageNameOf(specifier: string): string;
