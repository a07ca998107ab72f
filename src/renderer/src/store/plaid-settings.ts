import { create } from 'zustand';
import type { LedgerApi, PlaidSettings } from '../../../shared/contract';
import { LedgerError } from '../../../shared/errors';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface PlaidSettingsState {
  status: Status;
  settings: PlaidSettings | null;
  error: LedgerError | null;
  load(ledger: LedgerApi): Promise<void>;
  saved(settings: PlaidSettings): void;
}

function asLedgerError(error: unknown): LedgerError {
  return error instanceof LedgerError ? error : new LedgerError('INTERNAL', String(error));
}

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
