import type { LedgerApi, LedgerBridge } from '../../../shared/contract';
import { createLedgerClient } from './client';
import { createHttpBridge } from './http-bridge';
import { takeHostToken } from './token';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser, where the HTTP bridge is used. */
    ledger?: LedgerBridge;
  }
}

export type Connectivity = { kind: 'ready'; ledger: LedgerApi } | { kind: 'no-token' };

/** Picks the transport: the preload's IPC bridge in the desktop app, HTTP in a browser. */
export function connectLedger(): Connectivity {
  if (window.ledger) return { kind: 'ready', ledger: createLedgerClient(window.ledger) };
  const token = takeHostToken();
  if (!token) return { kind: 'no-token' };
  return { kind: 'ready', ledger: createLedgerClient(createHttpBridge(token)) };
}
