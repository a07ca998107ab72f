import fs from 'node:fs';
import path from 'node:path';

const folder = path.resolve(import.meta.dirname, '../../fixtures/import');

/** A fixture's bytes exactly as a bank would hand them over. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(folder, name)));
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
