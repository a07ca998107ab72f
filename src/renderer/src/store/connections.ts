import { create } from 'zustand';
import type { Connection, ConnectionsSummary, LedgerApi } from '../../../shared/contract';
import type { LedgerError } from '../../../shared/errors';
import { asLedgerError } from '../errors';

interface ConnectionsState {
  connections: Connection[] | null;
  summary: ConnectionsSummary | null;
  error: LedgerError | null;
  refresh(ledger: LedgerApi): Promise<void>;
}

let inFlight: Promise<void> | null = null;
let again = false;

/**
 * The connections and their summary, shared by the status line, the connections screen and the
 * filters. Refreshes never overlap: one asked for during another runs right after it.
 */
export const useConnections = create<ConnectionsState>((set) => ({
  connections: null,
  summary: null,
  error: null,
  async refresh(ledger) {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      do {
        again = false;
        try {
          const [connections, summary] = await Promise.all([
            ledger.invoke('connections.list'),
            ledger.invoke('connections.summary'),
          ]);
          set({ connections, summary, error: null });
        } catch (error) {
          set({ error: asLedgerError(error) });
        }
      } while (again);
    })();
    try {
      await inFlight;
    } finally {
      inFlight = null;
    }
  },
}));

export function connectionName(connections: Connection[] | null, id: string | null): string {
  if (!id) return '—';
  return connections?.find((c) => c.id === id)?.displayName ?? id;
}
