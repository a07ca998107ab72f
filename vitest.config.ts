import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The shell runs under Node against a fake of electron typed by electron's own definitions
    // (the binary cannot be had here; see test/support/fake-electron).
    alias: { electron: path.resolve(import.meta.dirname, 'test/support/fake-electron/index.ts') },
  },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/tests/**/*.test.ts'],
    // The reliability suites have their own config and time budget (npm run test:reliability).
    exclude: ['test/e2e/**', 'test/reliability/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Native modules and child processes: forks keep each test file in its own process.
    pool: 'forks',
  },
});
