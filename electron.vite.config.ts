import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Entries are named explicitly so the layout (src-main, src-preload, src-renderer) is not the template's.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // better-sqlite3 is a native module: never bundle it; it is loaded with an Electron-ABI nativeBinding.
      externalizeDeps: true,
      rollupOptions: {
        // The Electron main process, and the command line / browser mode as a prebuilt bundle (fast start).
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/main.ts'),
          // The background writer's thread (src-main/bulk): imports and adds off the main process's thread.
          bulkWorker: resolve(__dirname, 'src-main/bulk/bulkWorker.ts'),
        },
        output: { format: 'es' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot use ESM or require() of local files: emit one CommonJS file.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // One bundle (about 760 kB, 230 kB gzipped) read from disk or from 127.0.0.1, never over a network:
      // splitting it would add requests, not save time. Warn only if it grows well past that.
      chunkSizeWarningLimit: 1200,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
