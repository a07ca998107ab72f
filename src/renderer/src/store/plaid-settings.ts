import { create } from 'zustand';
import type { LedgerApi, PlaidSettings } from '../../../shared/contract';
import type { LedgerError } from '../../../shared/errors';
import { asLedgerError } from '../errors';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface PlaidSettingsState {
  status: Status;
  settings: PlaidSettings | null;
  error: LedgerError | null;
  load(ledger: LedgerApi): Promise<void>;
  /** After a save or a removal: the answer of settings.setPlaid / settings.clearPlaid. */
  saved(settings: PlaidSettings): void;
}

/** The Plaid keys' public facts (environment, masked client id); they decide onboarding vs app. */
export const usePlaidSettings = create<PlaidSettingsState>((set) => ({
  status: 'idle',
  settings: null,
  error: null,
  async load(ledger) {
    set({ status: 'loading', error: null });
    try {
      set({ status: 'ready', settings: await ledger.invoke('settings.getPlaid') });
    } catch (error) {
      set({ status: 'error', error: asLedgerError(error) });
    }
  },
  saved(settings) {
    set({ status: 'ready', settings, error: null });
  },
}));

export function hasKeys(settings: PlaidSettings | null): boolean {
  return Boolean(settings?.clientIdSet && settings.secretSet);
}
