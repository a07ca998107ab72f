import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import { useLedger } from '../../ledger/context';
import { PageLoader, type PagesSnapshot } from './page-loader';

export interface TransactionPages extends PagesSnapshot {
  ensure(index: number): void;
  retry(): void;
}

/**
 * The rows of the transactions screen for a filter. A new filter starts from an empty list; a new
 * `version` (a sync finished) refreshes in place.
 */
export function useTransactionPages(
  query: ChannelInput<'transactions.list'>,
  version: number,
): TransactionPages {
  const ledger = useLedger();
  const [loader] = useState(() => new PageLoader(ledger));
  const key = JSON.stringify(query);
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    const keepRows = lastKey.current === key;
    lastKey.current = key;
    loader.reset(JSON.parse(key) as ChannelInput<'transactions.list'>, keepRows);
  }, [loader, key, version]);

  const snapshot = useSyncExternalStore(loader.subscribe, loader.getSnapshot);
  return { ...snapshot, ensure: loader.ensure, retry: loader.retry };
}
