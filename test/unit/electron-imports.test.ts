import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const ALLOWED = [/^src\/main\/electron\//, /^src\/preload\//];
const IMPORTS_ELECTRON =
  /(?:from\s+['"]electron(?:\/[^'"]*)?['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\))/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('only the shell and the preload import electron', () => {
  const files = sourceFiles(path.join(root, 'src')).map((f) =>
    path.relative(root, f).split(path.sep).join('/'),
  );

  it('finds the sources it checks', () => {
    expect(files).toContain('src/main/core.ts');
    expect(files).toContain('src/main/electron/main.ts');
  });

  it('no other file imports electron', () => {
    const offenders = files.filter(
      (file) =>
        !ALLOWED.some((allowed) => allowed.test(file)) &&
        IMPORTS_ELECTRON.test(fs.readFileSync(path.join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('the shell does import it (so the check above is looking at the right thing)', () => {
    expect(
      IMPORTS_ELECTRON.test(fs.readFileSync(path.join(root, 'src/main/electron/main.ts'), 'utf8')),
    ).toBe(true);
    expect(
      IMPORTS_ELECTRON.test(fs.readFileSync(path.join(root, 'src/preload/index.ts'), 'utf8')),
    ).toBe(true);
  });
});
