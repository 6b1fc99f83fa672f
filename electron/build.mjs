// Bundles the Electron main process and preload into CommonJS files under electron/dist.
// The host's TypeScript is bundled in; native modules (serialport) stay external.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'info' };

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'electron/dist/main.cjs', external: ['electron', 'serialport', '@serialport/*', 'ssh2', 'cpu-features'] });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'electron/dist/preload.cjs', external: ['electron'] });
