import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkDesktopPrerequisites,
  explainMissing,
} from '../../src/main/demo/desktop-prerequisites';
import { electronSqliteBindingPath } from '../../src/main/electron/native-binding';
import { tempDir } from '../support/temp-dir';

/** A project folder with Electron's package, and optionally its binary and the SQLite build. */
function project(options: { binary: boolean; sqlite: boolean }): string {
  const root = tempDir();
  const electron = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(electron, { recursive: true });
  fs.writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ version: '45.4.1' }));
  if (options.binary) {
    fs.writeFileSync(path.join(electron, 'path.txt'), 'electron');
    fs.mkdirSync(path.join(electron, 'dist'));
    fs.writeFileSync(path.join(electron, 'dist', 'electron'), '');
  }
  if (options.sqlite) {
    const binding = electronSqliteBindingPath(root, '45.4.1');
    fs.mkdirSync(path.dirname(binding), { recursive: true });
    fs.writeFileSync(binding, '');
  }
  return root;
}

describe('why the desktop demo cannot start', () => {
  it('names the SQLite module for Electron, and the internet it needs, when that is what is missing', () => {
    const found = checkDesktopPrerequisites(project({ binary: true, sqlite: false }), {});
    expect(found).toMatchObject({ electronBinary: true, sqliteForElectron: false });
    const why = explainMissing(found)!;
    expect(why).toContain('The SQLite module built for Electron 45.4.1 is missing');
    expect(why).toContain('needs the internet');
    expect(why).not.toContain('program itself');
    expect(why).toContain('npm run demo -- --serve');
  });

  it('names the Electron program when the install skipped its download', () => {
    const why = explainMissing(
      checkDesktopPrerequisites(project({ binary: false, sqlite: true }), {}),
    )!;
    expect(why).toContain('The Electron 45.4.1 program itself is not downloaded');
    expect(why).not.toContain('SQLite');
  });

  it('names both when both are missing (a fresh install here), and nothing when none is', () => {
    const both = explainMissing(
      checkDesktopPrerequisites(project({ binary: false, sqlite: false }), {}),
    )!;
    expect(both.match(/^ {2}- /gm)).toHaveLength(2);
    expect(
      explainMissing(checkDesktopPrerequisites(project({ binary: true, sqlite: true }), {})),
    ).toBeNull();
  });

  it('does not touch electron: reading the real project starts no download', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const found = checkDesktopPrerequisites(root, {});
    expect(found.electronVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fs.existsSync(path.join(root, 'node_modules', 'electron', 'dist'))).toBe(
      found.electronBinary,
    );
  });
});
