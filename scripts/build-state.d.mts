// Types of build-state.mjs for the TypeScript tests that read dist/.
export declare function inputFingerprint(): string;
export declare function lastBuildFingerprint(): string | undefined;
export declare function recordBuild(fingerprint: string): void;
export declare function forgetBuild(): void;
export declare function outputsExist(): boolean;
export declare function isUpToDate(): boolean;
export declare function acquireBuildLock(options?: {
  onWait?: () => void;
}): Promise<{ waited: boolean; release: () => void }>;
