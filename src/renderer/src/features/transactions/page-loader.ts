import type { ChannelInput, LedgerApi, Transaction } from '../../../../shared/contract';
import type { LedgerError } from '../../../../shared/errors';
import { asLedgerError } from '../../errors';

export const PAGE_SIZE = 500;

type Query = ChannelInput<'transactions.list'>;

export interface PagesSnapshot {
  /** Rows loaded so far, in order: index i is row i of the whole list. */
  items: Transaction[];
  /** How many rows match in all (null until the first page arrives). */
  total: number | null;
  loading: boolean;
  error: LedgerError | null;
}

/**
 * Keyset paging over `transactions.list`: each page continues from the previous page's cursor,
 * so a page is as cheap at row 90,000 as at row 0, and rows synced meanwhile never shift a page.
 * A cursor only leads to the next page, so reaching row 50,000 means walking the pages before it:
 * that happens in the background, one request at a time, while the table shows placeholders.
 */
export class PageLoader {
  private listeners = new Set<() => void>();
  private snapshot: PagesSnapshot = { items: [], total: null, loading: false, error: null };
  private query: Query = {};
  private generation = 0;
  private cursor: string | null = null;
  private done = false;
  private running = false;
  /** The highest row index someone wants to see. */
  private wanted = 0;
  /** The next page replaces the rows instead of extending them (a refresh or a new filter). */
  private replace = true;

  constructor(private readonly ledger: LedgerApi) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PagesSnapshot => this.snapshot;

  /**
   * Starts over with `query`. With `keepRows` (the same filter, refreshed after a sync) the rows
   * on screen stay until the new first page replaces them, so nothing flashes.
   */
  reset(query: Query, keepRows: boolean): void {
    this.generation++;
    this.query = query;
    this.cursor = null;
    this.done = false;
    this.running = false;
    this.replace = true;
    if (!keepRows) this.wanted = 0;
    this.set(
      keepRows
        ? { ...this.snapshot, error: null, loading: true }
        : { items: [], total: null, error: null, loading: true },
    );
    void this.pump();
  }

  ensure = (index: number): void => {
    if (index > this.wanted) this.wanted = index;
    void this.pump();
  };

  retry = (): void => {
    this.set({ ...this.snapshot, error: null });
    void this.pump();
  };

  private async pump(): Promise<void> {
    if (this.running || this.done || this.snapshot.error) return;
    if (!this.replace && this.snapshot.items.length > this.wanted) return;
    const generation = this.generation;
    this.running = true;
    if (!this.snapshot.loading) this.set({ ...this.snapshot, loading: true });
    try {
      const page = await this.ledger.invoke('transactions.list', {
        ...this.query,
        limit: PAGE_SIZE,
        ...(this.cursor ? { cursor: this.cursor } : {}),
      });
      if (generation !== this.generation) return;
      const items = this.replace ? page.items : this.snapshot.items.concat(page.items);
      this.replace = false;
      this.cursor = page.nextCursor;
      this.done = page.nextCursor === null;
      // Rows may have arrived since the count: once at the end, the rows are the truth.
      const total = this.done ? items.length : Math.max(page.total, items.length);
      this.set({ items, total, loading: false, error: null });
    } catch (error) {
      if (generation !== this.generation) return;
      this.set({ ...this.snapshot, loading: false, error: asLedgerError(error) });
    } finally {
      if (generation === this.generation) {
        this.running = false;
        void this.pump();
      }
    }
  }

  private set(snapshot: PagesSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
