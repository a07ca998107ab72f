import { create } from 'zustand';
import { clearQueryCache } from '../../hooks/useLedgerQuery';
import { useAppSettings } from '../../store/app-settings';
import { useCategoryNames } from '../../store/category-names';
import { useConnections } from '../../store/connections';
import { useLiveSync } from '../../store/live-sync';
import { usePlaidSettings } from '../../store/plaid-settings';
import { useToasts } from '../../store/toasts';

interface ProfileSessionState {
  /** The open profile as this window last heard it; null until it heard. */
  currentId: string | null;
  /** Bumped on every switch: the app below the boundary starts afresh. */
  epoch: number;
  /** What the list says is open, learnt without a switch. */
  known(profileId: string): void;
  /** Another profile is open now (this window switched, or another window did). */
  opened(profileId: string): void;
}

/**
 * Which profile this window shows. A switch throws away everything kept of the old one: the
 * screens' cached answers, the connections, keys and settings the stores hold, the live sync
 * state, its toasts (with their Undo), and the address of a row that only existed there.
 */
export const useProfileSession = create<ProfileSessionState>((set, get) => ({
  currentId: null,
  epoch: 0,
  known(profileId) {
    if (get().currentId === null) set({ currentId: profileId });
  },
  opened(profileId) {
    if (get().currentId === profileId) return;
    forgetLedgerState();
    set((s) => ({ currentId: profileId, epoch: s.epoch + 1 }));
  },
}));

function forgetLedgerState(): void {
  clearQueryCache();
  useConnections.setState({ connections: null, summary: null, error: null });
  usePlaidSettings.setState({ status: 'idle', settings: null, error: null });
  useAppSettings.setState({ settings: null, error: null });
  useCategoryNames.setState((s) => ({
    byRef: new Map(),
    byName: new Map(),
    version: s.version + 1,
  }));
  useLiveSync.setState({ runs: {}, outcomes: {}, cooldownUntil: {} });
  // A toast names the old profile's rows, and its Undo would act on the new profile's ledger.
  useToasts.setState({ toasts: [] });
  // /accounts/acc_1 means nothing in another ledger; the screen it belongs to does.
  const top = `/${window.location.pathname.split('/')[1] ?? ''}`;
  if (top !== window.location.pathname) window.history.replaceState(null, '', top);
}
