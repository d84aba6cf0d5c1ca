import path from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, 'src/renderer');

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '.vite/renderer/main_window'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Keep the app self-contained: no inlined data: URLs that the CSP would have to allow.
    assetsInlineLimit: 0,
  },
  server: { port: 5174, strictPort: true },
});
