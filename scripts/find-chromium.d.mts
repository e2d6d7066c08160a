/** Types of scripts/find-chromium.mjs (plain Node, so that the test runner needs no build). */
export declare const SYSTEM_CHROMIUM_NAMES: readonly string[];
export declare function packagedChromiumDir(version: string): string;
export declare function isExecutableFile(path: string): boolean;
export type ChromiumChoice =
  | { kind: 'env' | 'system'; path: string }
  | { kind: 'packaged'; version: string }
  | { kind: 'none'; problem: string };
export declare function chooseChromium(facts: {
  env: Record<string, string | undefined>;
  isExecutable: (path: string) => boolean;
  packaged: string | undefined;
}): ChromiumChoice;
export declare function findChromium(
  env?: Record<string, string | undefined>,
): Promise<{ path: string; origin: string }>;
