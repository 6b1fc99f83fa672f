import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { importMetaUrlPlugin } from './importMetaPlugin.mjs';

// The Electron main bundle is CommonJS, where import.meta.url is empty: without the plugin the
// host crashes at start-up resolving package.json and the profile library.
const appRoot = fileURLToPath(new URL('..', import.meta.url));
const bundleDir = mkdtempSync(join(appRoot, 'electron', '.bundle-test-'));
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

describe('import.meta.url in the CommonJS Electron bundle', () => {
  it('resolves files beside the sources as it does from source', async () => {
    const entry = join(bundleDir, 'entry.ts');
    writeFileSync(
      entry,
      "export { packageVersion } from '../../host/compositionRoot';\nexport { DEFAULT_PROFILES_DIRECTORY } from '../../host/profiles/loadProfileLibrary';\n",
    );
    const outfile = join(bundleDir, 'bundle.cjs');
    const result = await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
      external: ['serialport', '@serialport/*', 'ssh2', 'cpu-features'],
      plugins: [importMetaUrlPlugin({ appRoot, bundleDir })],
    });
    expect(result.warnings.filter((warning) => warning.text.includes('import.meta'))).toEqual([]);
    const loaded = createRequire(import.meta.url)(outfile) as { packageVersion: () => string; DEFAULT_PROFILES_DIRECTORY: string };
    const version = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(loaded.packageVersion()).toBe(version);
    expect(loaded.DEFAULT_PROFILES_DIRECTORY).toBe(join(appRoot, 'profiles'));
  });
});
