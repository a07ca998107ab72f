import { createContext, useContext, type ReactNode } from 'react';
import type { LedgerApi } from '../../../shared/contract';

const LedgerContext = createContext<LedgerApi | null>(null);

/** Hands the one typed client (IPC or HTTP underneath) to every screen. */
export function LedgerProvider({ ledger, children }: { ledger: LedgerApi; children: ReactNode }) {
  return <LedgerContext.Provider value={ledger}>{children}</LedgerContext.Provider>;
}

export function useLedger(): LedgerApi {
  const ledger = useContext(LedgerContext);
  if (!ledger) throw new Error('useLedger() outside <LedgerProvider>');
  return ledger;
}
