import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useUndoShortcut } from '../features/transactions/undo';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { useLedger } from '../ledger/context';
import { LinkHost } from '../link/LinkHost';
import { useCategoryNames } from '../store/category-names';
import { useConnections } from '../store/connections';
import { useLiveSync } from '../store/live-sync';
import { KeysMissingBanner } from './KeysMissingBanner';
import { Sidebar } from './Sidebar';
import { StatusLine } from './StatusLine';
import { Toasts } from './Toasts';

/** Feeds the core's events into the stores and keeps the connections list current. */
function LiveData() {
  const ledger = useLedger();
  const version = useLiveSync((s) => s.connectionsVersion);
  useEffect(() => ledger.onEvent((event) => useLiveSync.getState().apply(event)), [ledger]);
  useEffect(() => {
    void useConnections.getState().refresh(ledger);
  }, [ledger, version]);
  return null;
}

/**
 * Keeps every category label current: the person's names for their categories, reloaded whenever
 * the ledger changes (a rename, a merge, a sync that brought a new Plaid category).
 */
function CategoryNames() {
  const list = useLedgerQuery('categories.list', {}, { watch: 'ledger' });
  useEffect(() => {
    if (list.data) useCategoryNames.getState().load(list.data);
  }, [list.data]);
  return null;
}

/** Sidebar, the screen, the status line; focus moves to the new screen on navigation. */
export function AppShell() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useUndoShortcut();
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A screen that placed focus itself (e.g. on the connection asked for) keeps it.
    if (main.current?.contains(document.activeElement)) return;
    main.current?.focus({ preventScroll: true });
    main.current?.scrollTo({ top: 0 });
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <LiveData />
      <CategoryNames />
      <Sidebar />
      <div className="main-column">
        <main id="main" ref={main} tabIndex={-1}>
          <KeysMissingBanner />
          <Outlet />
        </main>
        <StatusLine />
      </div>
      <Toasts />
      <LinkHost />
    </div>
  );
}
