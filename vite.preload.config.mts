import { defineConfig } from 'vite';

// Sandboxed preloads cannot `require` our own modules, so everything is bundled into one file.
export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    target: 'chrome120',
    sourcemap: true,
    minify: false,
    lib: { entry: 'src/preload/index.ts', formats: ['cjs'], fileName: () => 'preload.js' },
    rollupOptions: { external: ['electron'] },
  },
});
