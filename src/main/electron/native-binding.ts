import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is a V8 addon, so one build serves one ABI: node_modules keeps the build for
 * Node (tests, the headless host), and `scripts/electron-native.ts` puts a second build for
 * Electron here. keytar needs no second build: it is an N-API addon, the same for both.
 */
export function electronSqliteBindingPath(appRoot: string, electronVersion: string): string {
  return path.join(
    appRoot,
    'node_modules',
    '.ledgerlight-electron',
    `better-sqlite3-electron-${electronVersion}-${process.platform}-${process.arch}`,
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

/**
 * The better_sqlite3.node the shell should load: the Electron-ABI build `npm start` made, or
 * none (the default lookup) in a packaged app, whose installer rebuilt the module for Electron.
 */
export function electronSqliteBinding(app: {
  isPackaged: boolean;
  appPath: string;
  electronVersion: string;
}): string | undefined {
  if (app.isPackaged) return undefined;
  const file = electronSqliteBindingPath(app.appPath, app.electronVersion);
  return fs.existsSync(file) ? file : undefined;
}
