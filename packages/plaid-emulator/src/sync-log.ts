import { hash32 } from './prng';

/**
 * Each Item's append-only change log. A cursor is a position in it; a sync from position p reports
 * the net effect of every entry after p. While a client pages (has_more), its cursor also pins the
 * head it started from and how far it got, so a change in between is detected rather than
 * silently skipped (TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION).
 */

export type ChangeKind = 'added' | 'modified' | 'removed';

export interface Change {
  id: string;
  kind: ChangeKind;
  accountId: string;
}

export class SyncLog {
  private readonly entries: Change[] = [];
  private readonly cache = new Map<string, Change[]>();

  get head(): number {
    return this.entries.length;
  }

  append(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    this.entries.push(...changes);
    this.cache.clear();
  }

  /**
   * Net updates between `from` and the head, ordered by when each transaction last changed.
   * Something added and removed again inside the window is not reported at all; something that
   * existed at `from` and changed is `modified` (or `removed`); anything new is `added`.
   */
  updatesSince(from: number, accountId: string | null): Change[] {
    const key = `${from}:${this.head}:${accountId ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const firstKind = new Map<string, ChangeKind>();
    const last = new Map<string, { index: number; change: Change }>();
    for (let i = from; i < this.entries.length; i++) {
      const change = this.entries[i] as Change;
      if (accountId !== null && change.accountId !== accountId) continue;
      if (!firstKind.has(change.id)) firstKind.set(change.id, change.kind);
      last.set(change.id, { index: i, change });
    }
    const out: Change[] = [];
    for (const { change } of [...last.values()].sort((a, b) => a.index - b.index)) {
      const isNew = firstKind.get(change.id) === 'added';
      if (change.kind === 'removed') {
        if (!isNew) out.push(change);
      } else {
        out.push({ ...change, kind: isNew ? 'added' : 'modified' });
      }
    }
    if (this.cache.size > 16) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }
}

export interface CursorPosition {
  /** Log position the client's data reflects. */
  from: number;
  /** Head when this pagination started; equal to `from` for a cursor at rest. */
  head: number;
  /** Updates already delivered in this pagination. */
  offset: number;
  /** Tag of the account stream (options.account_id), or '' for the whole Item. */
  stream: string;
}

/**
 * Cursors are opaque base64 like Plaid's. They carry a tag of the Item and a MAC so that a cursor
 * from another Item, or an edited one, is refused instead of silently misread.
 */
export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(itemId: string, position: CursorPosition): string {
    const payload = [
      'c1',
      hash32(itemId).toString(36),
      position.stream,
      position.from,
      position.head,
      position.offset,
    ].join('.');
    const mac = hash32(`${this.secret}|${payload}`).toString(36);
    return Buffer.from(`${payload}.${mac}`, 'utf8').toString('base64');
  }

  decode(itemId: string, cursor: string): CursorPosition | null {
    if (cursor.length > 256 || !/^[A-Za-z0-9+/]+={0,2}$/.test(cursor)) return null;
    const text = Buffer.from(cursor, 'base64').toString('utf8');
    const parts = text.split('.');
    if (parts.length !== 7 || parts[0] !== 'c1') return null;
    const [, itemTag, stream, from, head, offset, mac] = parts as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const payload = parts.slice(0, 6).join('.');
    if (hash32(`${this.secret}|${payload}`).toString(36) !== mac) return null;
    if (itemTag !== hash32(itemId).toString(36)) return null;
    const numbers = [from, head, offset].map((n) => (/^\d+$/.test(n) ? Number(n) : NaN));
    if (numbers.some((n) => Number.isNaN(n))) return null;
    const [f, h, o] = numbers as [number, number, number];
    if (f > h) return null;
    return { from: f, head: h, offset: o, stream };
  }

  static streamTag(accountId: string | null): string {
    return accountId === null ? '' : hash32(accountId).toString(36);
  }
}
