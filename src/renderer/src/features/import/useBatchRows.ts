import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchRow, ImportBatch } from '../../../../shared/model';
import type { LedgerError } from '../../../../shared/errors';
import { asLedgerError } from '../../errors';
import { useLedger } from '../../ledger/context';
import { useLiveSync } from '../../store/live-sync';

/** Rows asked for at a time (the core's own page size). */
export const BATCH_PAGE = 200;

export interface BatchRows {
  batch: ImportBatch | null;
  items: BatchRow[];
  /** More rows wait behind "Show more". */
  hasMore: boolean;
  /** The first answer has not arrived yet. */
  loading: boolean;
  /** A "Show more" is out. */
  loadingMore: boolean;
  error: LedgerError | null;
  more(): void;
  reload(): void;
}

interface Loaded {
  batch: ImportBatch;
  items: BatchRow[];
  nextCursor: string | null;
  pages: number;
}

/**
 * One batch and its rows, a page at a time. "Show more" adds the next page to the rows already
 * loaded; when the ledger changes (a match settled, the import reverted), the pages already
 * loaded are read again so that nothing the person was looking at disappears.
 */
export function useBatchRows(batchId: number | null): BatchRows {
  const ledger = useLedger();
  const version = useLiveSync((s) => s.ledgerVersion);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<LedgerError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [reloads, setReloads] = useState(0);
  // Pages shown so far, read again on a reload; and which request's answer still counts.
  const pages = useRef(1);
  const request = useRef(0);
  const loadedFor = useRef<number | null>(null);
  const [shownId, setShownId] = useState(batchId);

  if (shownId !== batchId) {
    setShownId(batchId);
    setLoaded(null);
    setError(null);
  }

  useEffect(() => {
    if (batchId === null) return;
    const mine = ++request.current;
    const wanted = loadedFor.current === batchId ? pages.current : 1;
    loadedFor.current = batchId;
    void (async () => {
      try {
        let first = await ledger.invoke('batches.get', { batchId, limit: BATCH_PAGE });
        const items = [...first.items];
        let read = 1;
        while (read < wanted && first.nextCursor) {
          first = {
            ...(await ledger.invoke('batches.get', {
              batchId,
              limit: BATCH_PAGE,
              cursor: first.nextCursor,
            })),
            batch: first.batch,
          };
          items.push(...first.items);
          read += 1;
        }
        if (request.current !== mine) return;
        pages.current = read;
        setLoaded({ batch: first.batch, items, nextCursor: first.nextCursor, pages: read });
        setError(null);
      } catch (e) {
        if (request.current !== mine) return;
        setError(asLedgerError(e));
      }
    })();
  }, [ledger, batchId, version, reloads]);

  const more = useCallback(() => {
    if (!loaded?.nextCursor || batchId === null) return;
    const mine = ++request.current;
    setLoadingMore(true);
    void ledger
      .invoke('batches.get', { batchId, limit: BATCH_PAGE, cursor: loaded.nextCursor })
      .then(
        (page) => {
          if (request.current !== mine) return;
          pages.current = loaded.pages + 1;
          setLoaded({
            batch: page.batch,
            items: [...loaded.items, ...page.items],
            nextCursor: page.nextCursor,
            pages: loaded.pages + 1,
          });
          setError(null);
        },
        (e: unknown) => {
          if (request.current === mine) setError(asLedgerError(e));
        },
      )
      .finally(() => setLoadingMore(false));
  }, [ledger, batchId, loaded]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return {
    batch: loaded?.batch ?? null,
    items: loaded?.items ?? [],
    hasMore: Boolean(loaded?.nextCursor),
    loading: loaded === null && error === null,
    loadingMore,
    error,
    more,
    reload,
  };
}
