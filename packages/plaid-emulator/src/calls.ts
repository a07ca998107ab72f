/**
 * Every request the emulator answered, for assertions. Bodies are stored with the secret and all
 * tokens replaced, so a test that prints the log cannot leak what a real app would keep secret.
 */

export interface CallRecord {
  seq: number;
  /** Emulator clock, ISO 8601. */
  time: string;
  endpoint: string;
  itemId: string | null;
  /** HTTP status sent, or null when the connection was dropped. */
  status: number | null;
  errorCode: string | null;
  errorType: string | null;
  requestId: string;
  durationMs: number;
  request: unknown;
  /** Injection rules that fired for this call. */
  injected: string[];
  dropped: boolean;
  truncated: boolean;
}

const SECRET_KEYS = new Set([
  'secret',
  'access_token',
  'access_tokens',
  'public_token',
  'link_token',
  'password',
  'override_password',
]);

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEYS.has(key) && inner !== null && inner !== undefined) {
      out[key] = Array.isArray(inner) ? inner.map(() => '[REDACTED]') : '[REDACTED]';
    } else {
      out[key] = redact(inner);
    }
  }
  return out;
}

export class CallLog {
  private records: CallRecord[] = [];
  private seq = 0;

  add(record: Omit<CallRecord, 'seq'>): void {
    this.records.push({ ...record, seq: ++this.seq });
  }

  list(filter?: { endpoint?: string; itemId?: string }): CallRecord[] {
    return this.records.filter(
      (r) =>
        (filter?.endpoint === undefined || r.endpoint === filter.endpoint) &&
        (filter?.itemId === undefined || r.itemId === filter.itemId),
    );
  }

  reset(): void {
    this.records = [];
  }
}
