import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RendererFile {
  file: string;
  contentType: string;
}

/**
 * Maps a request path onto a file of the built renderer, never outside its folder: the path is
 * decoded once, resolved, and must still lie inside the root (so `..`, `%2e%2e`, encoded slashes
 * and absolute paths all fail). Paths without an extension fall back to index.html, because the
 * renderer routes on the client.
 */
export function resolveRendererFile(root: string, requestPath: string): RendererFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = path.resolve(root);
  const target = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  if (target !== base && !target.startsWith(base + path.sep)) return null;

  const candidate = target === base ? path.join(base, 'index.html') : target;
  if (isFile(candidate)) return { file: candidate, contentType: contentTypeOf(candidate) };
  if (path.extname(candidate) === '') {
    const index = path.join(base, 'index.html');
    if (isFile(index)) return { file: index, contentType: contentTypeOf(index) };
  }
  return null;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
