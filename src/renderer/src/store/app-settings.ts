import { create } from 'zustand';
import type { AppSettings, LedgerApi } from '../../../shared/contract';
import type { LedgerError } from '../../../shared/errors';
import { asLedgerError } from '../errors';

interface AppSettingsState {
  settings: AppSettings | null;
  error: LedgerError | null;
  load(ledger: LedgerApi): Promise<void>;
  saved(settings: AppSettings): void;
}

/** Where the data lives, the default sync frequency, demo mode: read once, kept for every screen. */
export const useAppSettings = create<AppSettingsState>((set) => ({
  settings: null,
  error: null,
  async load(ledger) {
    try {
      set({ settings: await ledger.invoke('settings.get'), error: null });
    } catch (error) {
      set({ error: asLedgerError(error) });
    }
  },
  saved(settings) {
    set({ settings, error: null });
  },
}));
