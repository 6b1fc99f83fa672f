import type { Plugin } from 'esbuild';

/** See importMetaPlugin.mjs. `appRoot` and `bundleDir` are absolute paths. */
export function importMetaUrlPlugin(options: { appRoot: string; bundleDir: string }): Plugin;
