import type { Encoding } from '../../shared/import-mapping';

const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * What Windows-1252 puts at 0x80-0x9F, where Latin-1 has control characters. Node 20's
 * TextDecoder('windows-1252') decodes as Latin-1, so "€" and "–" would come out as controls;
 * the five unassigned bytes keep their Latin-1 code points, as the WHATWG decoder does.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Bounded so one call never passes a 10 MB file's worth of arguments. */
const CHUNK = 8192;

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const units = Array.from(bytes.subarray(start, start + CHUNK), (b) =>
      b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b,
    );
    parts.push(String.fromCharCode(...units));
  }
  return parts.join('');
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/**
 * A bank file's bytes as text with `\n` line ends. Without an encoding, bytes that are valid UTF-8
 * are read as UTF-8 and anything else as Windows-1252: the encoding older banking software writes,
 * and one in which every byte means something, so no file is refused for its encoding.
 */
export function decodeBytes(
  bytes: Uint8Array,
  encoding?: Encoding,
): { text: string; encoding: Encoding } {
  const body = hasBom(bytes) ? bytes.subarray(BOM.length) : bytes;
  let chosen: Encoding = encoding ?? 'utf-8';
  let text: string;
  if (encoding === 'windows-1252') {
    text = decodeWindows1252(body);
  } else if (encoding === 'utf-8') {
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      chosen = 'windows-1252';
      text = decodeWindows1252(body);
    }
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding: chosen };
}
