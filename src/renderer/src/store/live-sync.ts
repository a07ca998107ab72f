import { create } from 'zustand';
import type { LedgerEvent, LedgerEvents, SyncTrigger } from '../../../shared/contract';

export interface LiveRun {
  runId: number;
  trigger: SyncTrigger;
  startedAt: number;
  added: number;
  modified: number;
  removed: number;
  page: number;
  accountsSynced: number;
}

export type RunOutcome =
  | ({ kind: 'completed'; at: number } & LedgerEvents['sync.completed'])
  | ({ kind: 'failed'; at: number } & LedgerEvents['sync.failed']);

interface LiveSyncState {
  /** Runs going on now, by connection id, with their counts so far. */
  runs: Record<string, LiveRun>;
  /** How each connection's last run (seen by this window) ended. */
  outcomes: Record<string, RunOutcome>;
  /** When each connection may be synced by hand again (epoch ms), learnt from TOO_EARLY. */
  cooldownUntil: Record<string, number>;
  /** Bumped when connections or their status may have changed: lists and summaries reload. */
  connectionsVersion: number;
  /** Bumped when ledger rows may have changed (a run finished, a bank was linked or removed). */
  ledgerVersion: number;
  apply(event: LedgerEvent): void;
  ledgerChanged(): void;
  setCooldown(connectionId: string, until: number): void;
}

/**
 * The live side of syncing, fed by the core's events. Version bumps are coalesced for a moment,
 * so a burst of events (start, changed, progress, completed) reloads a screen once, not five times.
 */
export const useLiveSync = create<LiveSyncState>((set, get) => {
  let pending: { connections: boolean; ledger: boolean } = { connections: false, ledger: false };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const bump = (what: 'connections' | 'ledger') => {
    pending[what] = true;
    if (what === 'ledger') pending.connections = true;
    timer ??= setTimeout(() => {
      const flush = pending;
      pending = { connections: false, ledger: false };
      timer = null;
      set((s) => ({
        connectionsVersion: s.connectionsVersion + (flush.connections ? 1 : 0),
        ledgerVersion: s.ledgerVersion + (flush.ledger ? 1 : 0),
      }));
    }, 120);
  };

  return {
    runs: {},
    outcomes: {},
    cooldownUntil: {},
    connectionsVersion: 0,
    ledgerVersion: 0,
    apply(event) {
      const now = Date.now();
      switch (event.name) {
        case 'sync.started': {
          const { connectionId, runId, trigger } = event.payload;
          set((s) => ({
            runs: {
              ...s.runs,
              [connectionId]: {
                runId,
                trigger,
                startedAt: now,
                added: 0,
                modified: 0,
                removed: 0,
                page: 0,
                accountsSynced: 0,
              },
            },
          }));
          bump('connections');
          return;
        }
        case 'sync.progress': {
          const p = event.payload;
          const current = get().runs[p.connectionId];
          set((s) => ({
            runs: {
              ...s.runs,
              [p.connectionId]: {
                runId: p.runId,
                trigger: current?.trigger ?? 'scheduled',
                startedAt: current?.startedAt ?? now,
                added: p.added,
                modified: p.modified,
                removed: p.removed,
                page: p.page,
                accountsSynced: p.accountsSynced,
              },
            },
          }));
          return;
        }
        case 'sync.completed':
        case 'sync.failed': {
          const { connectionId } = event.payload;
          set((s) => {
            const runs = { ...s.runs };
            delete runs[connectionId];
            const outcome =
              event.name === 'sync.completed'
                ? ({ kind: 'completed', at: now, ...event.payload } as const)
                : ({ kind: 'failed', at: now, ...event.payload } as const);
            return { runs, outcomes: { ...s.outcomes, [connectionId]: outcome } };
          });
          bump(event.name === 'sync.completed' ? 'ledger' : 'connections');
          return;
        }
        case 'connections.changed':
          bump('connections');
          return;
      }
    },
    ledgerChanged() {
      bump('ledger');
    },
    setCooldown(connectionId, until) {
      set((s) => ({ cooldownUntil: { ...s.cooldownUntil, [connectionId]: until } }));
    },
  };
});
