import { builtinModules } from 'node:module';

import { defineConfig } from 'vite';

// Native and WASM packages stay external: they are loaded from node_modules at run time.
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  'sharp',
  'node-hid',
  'serialport',
  '@electric-sql/pglite',
  'pg',
  'ws',
];

export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    target: 'node20',
    sourcemap: true,
    minify: false,
    lib: { entry: 'src/main/index.ts', formats: ['cjs'], fileName: () => 'main.js' },
    rollupOptions: { external },
  },
});
