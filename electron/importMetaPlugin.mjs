// esbuild plugin for the CommonJS Electron bundle: `import.meta.url` does not exist there, yet
// host modules use it to find files shipped beside the code (package.json, profiles/, the built
// renderer). Each module's `import.meta.url` becomes the file URL of that module's source path,
// rebuilt at run time from the bundle's own folder, so relative lookups keep working in the app
// folder or asar exactly as they do from source.
import { relative } from 'node:path';

/** @param {{ appRoot: string, bundleDir: string }} options absolute paths */
export function importMetaUrlPlugin({ appRoot, bundleDir }) {
  const bundleToRoot = relative(bundleDir, appRoot).split('\\').join('/');
  return {
    name: 'import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const fromRoot = relative(appRoot, args.path).split('\\').join('/');
        const url = `require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(bundleToRoot)}, ${JSON.stringify(fromRoot)})).href`;
        return { contents: source.split('import.meta.url').join(`(${url})`), loader: 'ts' };
      });
    },
  };
}
