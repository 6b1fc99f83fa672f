// Bundles the Electron main process and preload into CommonJS files under electron/dist.
// The host's TypeScript is bundled in; native modules (serialport) stay external.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { importMetaUrlPlugin } from './importMetaPlugin.mjs';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundleDir = join(appRoot, 'electron', 'dist');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'info' };

await build({
  ...common,
  entryPoints: ['electron/main/main.ts'],
  outfile: join(bundleDir, 'main.cjs'),
  external: ['electron', 'serialport', '@serialport/*', 'ssh2', 'cpu-features'],
  plugins: [importMetaUrlPlugin({ appRoot, bundleDir })],
});
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: join(bundleDir, 'preload.cjs'), external: ['electron'] });
