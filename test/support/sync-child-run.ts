import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Harness } from './sync-harness';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Runs a manual sync in a child process (sync-child.ts) that SIGKILLs itself at `killAt` (an
 * event name and count, e.g. `sync.progress:2`), and resolves with what it printed.
 */
export function syncInChildKilledAt(
  harness: Harness,
  connectionId: string,
  token: string,
  killAt: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'test/support/sync-child.ts')],
      {
        env: {
          ...process.env,
          CHILD_DATA_DIR: harness.dataDir,
          CHILD_EMULATOR_URL: harness.emulator.url,
          CHILD_CLIENT_ID: harness.emulator.control.clientId,
          CHILD_SECRET: harness.emulator.control.secret,
          CHILD_CONNECTION_ID: connectionId,
          CHILD_ACCESS_TOKEN: token,
          CHILD_KILL_AT: killAt,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code, signal) => {
      // tsx runs the script in a child node process, so the kill shows as exit code 128 + 9.
      if (signal === 'SIGKILL' || code === 137) resolve(out);
      else reject(new Error(`child was not killed (${code}): ${out} ${err}`));
    });
  });
}
