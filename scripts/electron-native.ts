/**
 * Run by `npm start` / `npm run dev` before Electron starts: makes sure an Electron-ABI build of
 * better-sqlite3 exists beside (not instead of) the Node build that `npm install` made, so the
 * tests (Node) and the app (Electron) both work after one install, in either order.
 *
 * It copies the package to node_modules/.ledgerlight-electron/… and there fetches Electron's
 * prebuilt binary (prebuild-install) or, failing that, compiles against Electron's headers
 * (node-gyp). Both need the internet once; nothing here runs during `npm install` or `npm test`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronSqliteBindingPath } from '../src/main/electron/native-binding';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronVersion = (require('electron/package.json') as { version: string }).version;
const binding = electronSqliteBindingPath(root, electronVersion);
const packageDir = path.resolve(binding, '../../..');

if (fs.existsSync(binding)) process.exit(0);

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = `${packageDir}.partial-${process.pid}`;
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(source, work, { recursive: true, filter: (file) => path.basename(file) !== 'build' });

// npm may point node-gyp at Node's own headers (npm_config_nodedir); for Electron they are wrong.
const env = { ...process.env };
for (const key of Object.keys(env))
  if (/^npm_config_(nodedir|target|runtime|disturl)$/i.test(key)) delete env[key];

const run = (command: string, args: string[]) =>
  spawnSync(command, args, { cwd: work, env, stdio: 'inherit' }).status === 0;

console.log(`Preparing better-sqlite3 for Electron ${electronVersion} (one time)…`);
const prebuilt = run(process.execPath, [
  require.resolve('prebuild-install/bin.js', { paths: [source] }),
  '--runtime=electron',
  `--target=${electronVersion}`,
  `--arch=${process.arch}`,
  `--platform=${process.platform}`,
]);
const built = prebuilt || buildFromSource();

if (!built || !isForeignAbi(path.join(work, 'build', 'Release', 'better_sqlite3.node'))) {
  fs.rmSync(work, { recursive: true, force: true });
  console.error(
    'Could not get better-sqlite3 for Electron: no prebuilt binary could be downloaded and the ' +
      'build from source failed. Check the internet connection and a C++ toolchain, then retry.',
  );
  process.exit(1);
}
fs.rmSync(packageDir, { recursive: true, force: true });
fs.renameSync(work, packageDir);
console.log('better-sqlite3 for Electron is ready.');

/**
 * node-gyp straight from npm's own copy, not through npx: npx would hand it the user's npm config,
 * and a `nodedir` there silently builds for Node's ABI instead of Electron's.
 */
function buildFromSource(): boolean {
  const npmCli = process.env.npm_execpath;
  const nodeGyp = npmCli
    ? path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
    : null;
  if (!nodeGyp || !fs.existsSync(nodeGyp)) return false;
  return run(process.execPath, [
    nodeGyp,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
}

/** The Electron build must not load in plain Node: if it does, it was built for the wrong ABI. */
function isForeignAbi(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const probe = spawnSync(
    process.execPath,
    ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`],
    {
      encoding: 'utf8',
    },
  );
  return probe.status !== 0 && /NODE_MODULE_VERSION/.test(probe.stderr);
}
