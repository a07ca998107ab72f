import type { IncomingMessage } from 'node:http';

/** What the host accepts in one API request. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** An import carries a whole file (up to 10 MB, as base64 in JSON). */
export const MAX_IMPORT_BODY_BYTES = 15 * 1024 * 1024;
/** How much of a refused body is still read, so the client gets our 413 instead of a reset. */
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large' };

/**
 * Reads a request body up to `limit` bytes. A larger one (by its Content-Length, or as it
 * streams in) is refused without being buffered; what is still on its way is read and thrown
 * away, because closing a socket with unread data makes the kernel answer with a reset, and the
 * client would never see the 413. Past the drain limit the request is simply cut off.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      drain(req);
      return resolve({ kind: 'too-large' });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      chunks.length = 0;
      drain(req, size);
      resolve({ kind: 'too-large' });
    };
    const onEnd = () => resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

function drain(req: IncomingMessage, alreadyRead = 0): void {
  let read = alreadyRead;
  req.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > DRAIN_LIMIT_BYTES) req.destroy();
  });
  req.resume();
}
