import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * One build for three targets. Main has three entries: the Electron shell (`index`), the headless
 * host (`host`) and demo mode (`demo`); all but the shell run under plain Node. The preload is one
 * CommonJS file with its imports bundled, as a sandboxed preload must be.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          host: resolve('src/main/host/serve.ts'),
          demo: resolve('src/main/demo/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [
      react(),
      // electron-vite forces a relative base; the app routes on paths like /accounts/:id, which
      // must still find /assets/… when opened or reloaded directly. Both app:// and the host
      // serve the renderer at the root, so an absolute base is right for both.
      { name: 'absolute-base', config: () => ({ base: '/' }) },
    ],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
