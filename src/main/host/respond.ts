import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/contract';
import { errorBody } from './http-errors';

/** A JSON answer that no cache keeps and no browser sniffs. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/** An error in the contract's shape, `{ error: { code, message } }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
): void {
  sendJson(res, status, errorBody(code, message));
}
