/** The version of the app's code, set by vite.config.ts (scripts/offline-worker.ts). */
declare const __APP_VERSION__: string;
