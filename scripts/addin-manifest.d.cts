// Types for scripts/addin-manifest.cjs (used by webpack.config.js and the tests).
export declare const DEV_BASE: string;
export declare function resolveAddinUrl(raw: string | undefined): string;
export declare function manifestVersion(version: string): string;
export declare function manifestUrls(xml: string): string[];
export declare function productionManifest(xml: string, base: string, packageVersion: string): string;
