import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface ViewPrefs {
  /** Shorter rows in the transactions table, to see more at once. */
  compactRows: boolean;
  setCompactRows(compact: boolean): void;
}

/**
 * How the person likes to see things, kept on this device only (it is not ledger data, so it is
 * not in the database and never leaves the window's storage).
 */
export const useViewPrefs = create<ViewPrefs>()(
  persist(
    (set) => ({
      compactRows: false,
      setCompactRows: (compactRows) => set({ compactRows }),
    }),
    { name: 'ledgerlight-view', storage: createJSONStorage(() => localStorage) },
  ),
);
