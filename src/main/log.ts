import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Plaid token shapes (access-, public-, link- plus environment and uuid) and bearer headers. */
const TOKEN_PATTERN = /\b(access|public|link)-(sandbox|development|production)-[A-Za-z0-9-]+/g;
const SECRET_KEYS = /secret|token|password|authorization|client_?id/i;

/** Removes anything secret-shaped before a line is written; applied to every field, nested too. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(TOKEN_PATTERN, '$1-$2-[redacted]');
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return { name: value.name, message: redact(value.message, depth + 1) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

/**
 * JSON lines in `<dataDir>/logs/ledgerlight.log`, redacted. The file is for the user's own
 * troubleshooting; it must be safe to paste into a bug report.
 */
export function createFileLogger(file: string, minLevel: LogLevel = 'info'): Logger {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      message: redact(message),
      ...(fields ? (redact(fields) as LogFields) : {}),
    });
    fs.appendFileSync(file, line + '\n');
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
