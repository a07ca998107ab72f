import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../../src/main/security/renderer-files';
import { tempDir } from '../../support/temp-dir';

let root: string;
beforeEach(() => {
  const parent = tempDir();
  root = path.join(parent, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), 'index');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'js');
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'secret');
  fs.mkdirSync(path.join(parent, 'renderer-evil'));
  fs.writeFileSync(path.join(parent, 'renderer-evil', 'x.js'), 'evil');
});

describe('resolveRendererFile', () => {
  it('maps paths inside the renderer to files with their content type', () => {
    expect(resolveRendererFile(root, '/')).toEqual({
      file: path.join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveRendererFile(root, '/assets/app.js?v=1')?.contentType).toMatch(/javascript/);
  });

  it('falls back to index.html for client-side routes, but not for missing files', () => {
    expect(resolveRendererFile(root, '/transactions/abc')?.file).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveRendererFile(root, '/assets/missing.js')).toBeNull();
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/../renderer-evil/x.js',
    '/%00index.html',
    '/%E0%A4%A',
  ])('never leaves the root: %s', (attempt) => {
    const found = resolveRendererFile(root, attempt);
    if (found) expect(found.file.startsWith(root + path.sep)).toBe(true);
    expect(found?.file.endsWith('secret.txt') ?? false).toBe(false);
    expect(found?.file.includes('renderer-evil') ?? false).toBe(false);
  });
});
