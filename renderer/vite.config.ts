import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer is one static bundle served two ways: from file:// inside Electron and over
 * http://127.0.0.1 in web mode. Relative asset URLs (`base: './'`) work for both.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd and xterm together exceed the default 500 kB warning; the bundle is loaded locally.
    chunkSizeWarningLimit: 3000,
  },
});
