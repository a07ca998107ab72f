import { useEffect, useState } from 'react';
import type { Connection, SyncRun } from '../../../../shared/model';
import type { LedgerError } from '../../../../shared/errors';
import { asLedgerError } from '../../errors';
import { useLedger } from '../../ledger/context';
import { useLiveSync } from '../../store/live-sync';

const RUNS_PER_CONNECTION = 50;

/** The recent sync runs of every connection (or one), newest first, reloaded as runs end. */
export function useSyncRuns(connections: Connection[] | null, only: string) {
  const ledger = useLedger();
  const version = useLiveSync((s) => s.connectionsVersion);
  const [state, setState] = useState<{ runs: SyncRun[] | null; error: LedgerError | null }>({
    runs: null,
    error: null,
  });
  const ids = (connections ?? [])
    .map((c) => c.id)
    .filter((id) => !only || id === only)
    .join('\n');

  useEffect(() => {
    if (connections === null) return;
    let stale = false;
    const list = ids ? ids.split('\n') : [];
    Promise.all(
      list.map((connectionId) =>
        ledger.invoke('connections.logs', { connectionId, limit: RUNS_PER_CONNECTION }),
      ),
    ).then(
      (perConnection) => {
        if (stale) return;
        const runs = perConnection
          .flat()
          .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id);
        setState({ runs, error: null });
      },
      (error: unknown) => {
        if (!stale) setState((s) => ({ runs: s.runs, error: asLedgerError(error) }));
      },
    );
    return () => {
      stale = true;
    };
    // `connections` matters only through `ids` (and whether it has loaded).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ledger, ids, connections === null, version]);

  return state;
}
