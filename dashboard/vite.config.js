// Builds the dashboard into dist/: plain static files that any web server can serve,
// from any path (relative asset URLs).
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // @polkadot/api needs BigInt and top-level await in its Wasm crypto loader.
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      onwarn(warning, warn) {
        // @polkadot/x-global has a /*#__PURE__*/ comment Rollup cannot place; harmless.
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
});
