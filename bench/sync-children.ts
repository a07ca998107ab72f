/**
 * The bench's child processes: bench/sync-child.ts bundled by esbuild into one .mjs and started
 * with plain Node (no tsx), one job each, killed at will.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { ChildJob } from './sync-child';

/** One child (one sync, one floor) may take this long before the bench gives up. */
const CHILD_TIMEOUT_S = Number(process.env.BENCH_SYNC_CHILD_TIMEOUT_S ?? 900);

/** The child entry bundled into one .mjs beside node_modules, so the native modules resolve. */
export async function bundleChild(): Promise<{ file: string; remove(): void }> {
  const file = path.resolve(
    import.meta.dirname,
    '../node_modules/.cache/ledgerlight-bench',
    `sync-child-${process.pid}.mjs`,
  );
  await build({
    entryPoints: [path.resolve(import.meta.dirname, 'sync-child.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'keytar', 'electron'],
    // Bundled CommonJS (the plaid SDK, axios) calls require for Node's own modules.
    banner: {
      js: "import { createRequire as benchRequire } from 'node:module'; const require = benchRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return { file, remove: () => fs.rmSync(file, { force: true }) };
}

export interface Child<T> {
  kill(): void;
  /** The child's result, or null when it was killed. */
  done: Promise<T | null>;
}

export function startChild<T>(bundle: string, job: ChildJob): Child<T> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_SYNC_JOB: JSON.stringify(job) };
  delete env.NODE_OPTIONS;
  // e.g. BENCH_SYNC_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the children.
  const nodeArgs = process.env.BENCH_SYNC_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, bundle], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<T | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const result = /^RESULT (.*)$/m.exec(out);
      if (result) resolve(JSON.parse(result[1]!) as T);
      else if (signal === 'SIGKILL') resolve(null);
      else
        reject(
          new Error(`the ${job.mode} child ended (${code ?? signal}) with no result:\n${err}`),
        );
    });
  });
  return { kill: () => child.kill('SIGKILL'), done };
}

/** Runs a child to its result; one that runs past BENCH_SYNC_CHILD_TIMEOUT_S stops the bench. */
export async function runChild<T>(bundle: string, job: ChildJob): Promise<T> {
  const child = startChild<T>(bundle, job);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill();
  }, CHILD_TIMEOUT_S * 1000);
  const result = await child.done.finally(() => clearTimeout(timer));
  if (!result)
    throw new Error(
      timedOut
        ? `the ${job.mode} child took more than ${CHILD_TIMEOUT_S} s (BENCH_SYNC_CHILD_TIMEOUT_S) and was stopped`
        : `the ${job.mode} child was killed`,
    );
  return result;
}
