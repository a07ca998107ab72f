import fs from 'node:fs';
import path from 'node:path';
import { electronSqliteBindingPath } from '../electron/native-binding';

/** What the desktop app needs beyond `npm install`, each fetched once from the internet. */
export interface DesktopPrerequisites {
  electronVersion: string | null;
  /** Electron's own binary (skipped by ELECTRON_SKIP_BINARY_DOWNLOAD, or a failed download). */
  electronBinary: boolean;
  /** better-sqlite3 built for Electron's ABI (`npm start` makes it: scripts/electron-native.ts). */
  sqliteForElectron: boolean;
  sqliteBindingPath: string | null;
}

/** Looks without touching anything: requiring `electron` itself would start a download. */
export function checkDesktopPrerequisites(
  appRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): DesktopPrerequisites {
  const electronDir = path.join(appRoot, 'node_modules', 'electron');
  const electronVersion = readVersion(path.join(electronDir, 'package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  const electronBinary = executable !== null && fs.existsSync(path.join(distDir, executable));
  const sqliteBindingPath = electronVersion
    ? electronSqliteBindingPath(appRoot, electronVersion)
    : null;
  return {
    electronVersion,
    electronBinary,
    sqliteForElectron: sqliteBindingPath !== null && fs.existsSync(sqliteBindingPath),
    sqliteBindingPath,
  };
}

function readVersion(packageJson: string): string | null {
  try {
    return (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

/**
 * Why the desktop demo cannot start, naming each missing piece and how to get it, or null when
 * nothing is missing. The browser demo needs none of them.
 */
export function explainMissing(found: DesktopPrerequisites): string | null {
  const version = found.electronVersion ?? 'the installed version';
  const missing: string[] = [];
  if (!found.electronVersion) {
    missing.push('Electron is not installed at all. Run `npm install` first.');
  }
  if (found.electronVersion && !found.sqliteForElectron) {
    missing.push(
      `The SQLite module built for Electron ${version} is missing. \`npm start\` fetches it once ` +
        '(a prebuilt binary from GitHub, or Electron’s headers to compile it), so it needs the ' +
        'internet the first time; it did not get it.',
    );
  }
  if (found.electronVersion && !found.electronBinary) {
    missing.push(
      `The Electron ${version} program itself is not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD ` +
        'was set when npm install ran, or the download failed). With internet access, run ' +
        '`node node_modules/electron/install.js`.',
    );
  }
  if (missing.length === 0) return null;
  return [
    'The desktop demo cannot start:',
    ...missing.map((line) => `  - ${line}`),
    'The demo in your browser needs none of this: npm run demo -- --serve',
  ].join('\n');
}
