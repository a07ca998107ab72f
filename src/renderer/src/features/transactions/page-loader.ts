import type { ChannelInput, LedgerApi, Transaction } from '../../../../shared/contract';
import type { LedgerError } from '../../../../shared/errors';
import { asLedgerError } from '../../errors';

export const PAGE_SIZE = 500;

type Query = ChannelInput<'transactions.list'>;

export interface PagesSnapshot {
  /** Rows loaded so far, in order: index i is row i of the whole list. */
  items: Transaction[];
  /**
   * How many rows match in all: the count once it arrives (or the rows, once all are loaded);
   * before it, the rows loaded so far; null until the first page or the count arrives.
   */
  total: number | null;
  /** The count was asked for and has not arrived: `total` is the rows loaded so far. */
  counting: boolean;
  loading: boolean;
  error: LedgerError | null;
}

/**
 * Keyset paging over `transactions.list`: each page continues from the previous page's cursor,
 * so a page is as cheap at row 90,000 as at row 0, and rows synced meanwhile never shift a page.
 * A cursor only leads to the next page, so reaching row 50,000 means walking the pages before it:
 * that happens in the background, one request at a time, while the table shows placeholders.
 * How many rows match is asked for beside the first page (`transactions.count`), which never
 * waits for it: on a large ledger counting takes longer than a page.
 */
export class PageLoader {
  private listeners = new Set<() => void>();
  private snapshot: PagesSnapshot = {
    items: [],
    total: null,
    counting: false,
    loading: false,
    error: null,
  };
  /** The count for this query, once it has arrived. */
  private count: number | null = null;
  /** While a refresh recounts, the last count stands in (the number does not flash away). */
  private lastCount: number | null = null;
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
    this.lastCount = keepRows ? (this.count ?? this.lastCount) : null;
    this.count = null;
    if (!keepRows) this.wanted = 0;
    this.set(
      keepRows
        ? { ...this.snapshot, counting: this.counting(), error: null, loading: true }
        : { items: [], total: null, counting: true, error: null, loading: true },
    );
    // The page is asked for first: the core answers in turn, and the count takes longer.
    void this.pump();
    void this.countRows();
  }

  ensure = (index: number): void => {
    if (index > this.wanted) this.wanted = index;
    void this.pump();
  };

  retry = (): void => {
    this.set({ ...this.snapshot, error: null });
    if (this.count === null && !this.done) void this.countRows();
    void this.pump();
  };

  private async countRows(): Promise<void> {
    const generation = this.generation;
    const {
      sort: _sort,
      direction: _direction,
      limit: _limit,
      cursor: _cursor,
      ...filter
    } = this.query;
    try {
      const count = await this.ledger.invoke('transactions.count', filter);
      if (generation !== this.generation) return;
      this.count = count;
      this.lastCount = null;
      // Until the new first page is in, the rows on screen belong to the last count.
      const items = this.replace ? [] : this.snapshot.items;
      this.set({ ...this.snapshot, total: this.totalOf(items), counting: false });
    } catch (error) {
      if (generation !== this.generation) return;
      this.set({ ...this.snapshot, counting: false, error: asLedgerError(error) });
    }
  }

  /** Rows may have arrived since the count: once at the end, the rows are the truth. */
  private totalOf(items: Transaction[]): number {
    if (this.done) return items.length;
    const count = this.count ?? this.lastCount;
    return count === null ? items.length : Math.max(count, items.length);
  }

  /** No count to show yet, not even the last one: the rows loaded are all `total` says. */
  private counting(): boolean {
    return this.count === null && this.lastCount === null && !this.done;
  }

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
      this.set({
        items,
        total: this.totalOf(items),
        counting: this.counting(),
        loading: false,
        error: null,
      });
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
