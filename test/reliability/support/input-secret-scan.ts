import fs from 'node:fs';
import path from 'node:path';

/** A secret and the spellings it could be written in. */
export interface Needle {
  /** What the secret is (never the secret itself: a failure message must not print it). */
  label: string;
  forms: Array<{ encoding: string; bytes: Buffer }>;
}

/**
 * Base64 of `secret` as it appears inside a longer base64 text, for each of the three byte
 * offsets it may start at: the characters that depend only on the secret's bytes.
 */
function base64Runs(secret: Buffer, url: boolean): string[] {
  const runs: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), secret]).toString(
      url ? 'base64url' : 'base64',
    );
    // Drop the group shared with the bytes before it, and the last group (padding or the next bytes).
    const start = offset === 0 ? 0 : 4;
    const end = Math.floor((offset + secret.length) / 3) * 4;
    if (end - start >= 8) runs.push(encoded.slice(start, end));
  }
  return runs;
}

/** The secret as written raw, URL-encoded, in hex, and in base64 (standard and URL-safe). */
export function needleFor(label: string, secret: string): Needle {
  const raw = Buffer.from(secret, 'utf8');
  const forms = new Map<string, string>([
    ['raw', secret],
    ['url-encoded', encodeURIComponent(secret)],
    ['form-encoded', new URLSearchParams({ s: secret }).toString().slice(2)],
    ['hex', raw.toString('hex')],
    ['HEX', raw.toString('hex').toUpperCase()],
  ]);
  base64Runs(raw, false).forEach((run, i) => forms.set(`base64@${i}`, run));
  base64Runs(raw, true).forEach((run, i) => forms.set(`base64url@${i}`, run));
  return {
    label,
    forms: [...forms].map(([encoding, text]) => ({ encoding, bytes: Buffer.from(text, 'utf8') })),
  };
}

export interface Sighting {
  needle: string;
  encoding: string;
  where: string;
}

/** Where any form of any needle occurs in `content`. */
export function findIn(content: Buffer | string, where: string, needles: Needle[]): Sighting[] {
  const haystack = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const found: Sighting[] = [];
  for (const needle of needles) {
    for (const form of needle.forms) {
      if (haystack.includes(form.bytes)) {
        found.push({ needle: needle.label, encoding: form.encoding, where });
      }
    }
  }
  return found;
}

/** Every file under `dir` (following no links), with its path relative to `dir`'s parent. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** Scans every file under `dir`; returns the sightings and how many files and bytes were read. */
export function scanTree(
  dir: string,
  label: string,
  needles: Needle[],
): { sightings: Sighting[]; files: number; bytes: number } {
  const sightings: Sighting[] = [];
  let bytes = 0;
  const files = filesUnder(dir);
  for (const file of files) {
    const content = fs.readFileSync(file);
    bytes += content.length;
    sightings.push(...findIn(content, path.join(label, path.relative(dir, file)), needles));
  }
  return { sightings, files: files.length, bytes };
}
