import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * One build for three targets. Main has three entries: the Electron shell (`index`), the headless
 * host (`host`) and demo mode (`demo`); all but the shell run under plain Node. Each preload (the
 * app window's and the Link window's) is one CommonJS file with its imports bundled, as a
 * sandboxed preload must be. The renderer has two pages: the app, and the Link page that runs
 * Plaid's script on an origin of its own.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/entry.ts'),
          host: resolve('src/main/host/serve.ts'),
          demo: resolve('src/main/demo/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load modules: each preload is one self-contained file.
      isolatedEntries: true,
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts'), link: resolve('src/preload/link.ts') },
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
      rollupOptions: {
        input: {
          index: resolve('src/renderer/index.html'),
          link: resolve('src/renderer/link.html'),
        },
      },
    },
  },
});
