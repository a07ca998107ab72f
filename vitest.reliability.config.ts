import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: the long suites (crash points, fault matrix, fuzzing, secrets scan,
 * the hardening gate), apart from `vitest run` so that a developer's loop stays fast; CI runs both.
 */
export default defineConfig({
  resolve: {
    alias: { electron: path.resolve(import.meta.dirname, 'test/support/fake-electron/index.ts') },
  },
  test: {
    include: ['test/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: the suites spawn child processes of their own.
    maxWorkers: 2,
  },
});
