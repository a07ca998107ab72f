import { MAX_IMPORT_FILE_BYTES } from '../../../../shared/contract';

/** The file types the import reads (the core tells them apart by their contents too). */
export const ACCEPTED_FILES = '.csv,.txt,.ofx,.qfx,.qif';

export interface ChosenFile {
  name: string;
  size: number;
  /** Its bytes, base64. */
  content: string;
}

/** Bytes per btoa call: a multiple of 3, so the pieces' base64 joins without padding between. */
const CHUNK = 3 * 8192;

/**
 * Bytes as base64, a slice at a time: one `String.fromCharCode` per slice (never one per byte,
 * nor one call with millions of arguments), each slice encoded on its own, the pieces joined once.
 */
export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const slice = bytes.subarray(start, start + CHUNK);
    pieces.push(btoa(String.fromCharCode(...slice)));
  }
  return pieces.join('');
}

/** Why a file cannot be imported before it is even read, or null when it can. */
export function fileRefusal(file: File): string | null {
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return `“${file.name}” is larger than 10 MB, more than a bank’s export of years of transactions. Choose the file your bank made, or export a shorter period.`;
  }
  if (file.size === 0) return `“${file.name}” is empty. Choose the file your bank made.`;
  return null;
}

/** Reads a chosen (or dropped) file whole, as base64. */
export function readFile(file: File): Promise<ChosenFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = reader.result;
      if (!(result instanceof ArrayBuffer)) {
        reject(new Error(`“${file.name}” could not be read. Choose it again.`));
        return;
      }
      resolve({ name: file.name, size: file.size, content: toBase64(result) });
    };
    reader.onerror = () =>
      reject(
        new Error(
          `“${file.name}” could not be read. Check that it is still there, then choose it again.`,
        ),
      );
    reader.readAsArrayBuffer(file);
  });
}
