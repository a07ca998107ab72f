import { create } from 'zustand';
import type { PlaidLinkError, PlaidLinkOnSuccessMetadata } from 'react-plaid-link';
import type { LedgerApi, LinkResult } from '../../../shared/contract';
import { LedgerError } from '../../../shared/errors';
import { asLedgerError } from '../errors';
import { useLiveSync } from '../store/live-sync';
import { toast } from '../store/toasts';
import { prepareLinkScript } from './link-script';

/**
 * Why Link is opened: a new bank, a repair (login required), renewing consent before it expires,
 * or choosing which accounts a connection shares. All but the first are Link's update mode.
 */
export type LinkPurpose =
  | { kind: 'new' }
  | { kind: 'repair'; connectionId: string; name: string }
  | { kind: 'renew'; connectionId: string; name: string }
  | { kind: 'update-accounts'; connectionId: string; name: string };

export type LinkPhase = 'idle' | 'preparing' | 'open' | 'exchanging';

interface LinkSessionState {
  phase: LinkPhase;
  purpose: LinkPurpose | null;
  token: string | null;
  /** The last failure: Plaid's display message when Link exited with an error, or ours. */
  error: LedgerError | null;
  /** The bank is linked already: this is the connection to update instead. */
  conflictConnectionId: string | null;
  /** The last success, so the screen can show where the new data went. */
  result: { purpose: LinkPurpose; connectionId: string } | null;
  start(ledger: LedgerApi, purpose: LinkPurpose, demoLinkScriptUrl: string | null): Promise<void>;
  sandboxConnect(ledger: LedgerApi, institutionId: string): Promise<void>;
  succeeded(ledger: LedgerApi, publicToken: string, metadata: PlaidLinkOnSuccessMetadata): void;
  exited(error: PlaidLinkError | null): void;
  scriptFailed(): void;
  dismiss(): void;
}

/**
 * One Plaid Link session at a time, whatever screen started it: a link token from the core, Link
 * itself (rendered by <LinkHost>), then the exchange. Results and failures stay here for the
 * screens to show.
 */
export const useLinkSession = create<LinkSessionState>((set, get) => {
  const fail = (error: unknown) => {
    const e = asLedgerError(error);
    if (e.code === 'CONFLICT' && e.details?.connectionId && get().purpose?.kind === 'new') {
      set({ phase: 'idle', token: null, conflictConnectionId: e.details.connectionId });
      return;
    }
    set({ phase: 'idle', token: null, error: e });
  };

  const finished = (purpose: LinkPurpose, result: LinkResult) => {
    set({ phase: 'idle', token: null, result: { purpose, connectionId: result.connectionId } });
    useLiveSync.getState().ledgerChanged();
    if (purpose.kind === 'new') {
      toast({
        tone: 'success',
        title: 'Bank connected',
        body: `${result.accounts.length} accounts added. Ledgerlight is fetching their transactions now.`,
      });
    } else if (purpose.kind === 'repair') {
      toast({ tone: 'success', title: `${purpose.name} repaired`, body: 'Syncing again now.' });
    } else if (purpose.kind === 'renew') {
      toast({ tone: 'success', title: `Access to ${purpose.name} renewed` });
    } else {
      toast({ tone: 'success', title: `${purpose.name} updated` });
    }
  };

  return {
    phase: 'idle',
    purpose: null,
    token: null,
    error: null,
    conflictConnectionId: null,
    result: null,

    async start(ledger, purpose, demoLinkScriptUrl) {
      if (get().phase !== 'idle') return;
      set({ phase: 'preparing', purpose, error: null, conflictConnectionId: null, result: null });
      try {
        const input =
          purpose.kind === 'new'
            ? {}
            : {
                connectionId: purpose.connectionId,
                updateAccountSelection: purpose.kind === 'update-accounts',
              };
        const [{ linkToken }] = await Promise.all([
          ledger.invoke('link.createToken', input),
          prepareLinkScript(demoLinkScriptUrl),
        ]);
        set({ phase: 'open', token: linkToken });
      } catch (error) {
        fail(error);
      }
    },

    async sandboxConnect(ledger, institutionId) {
      if (get().phase !== 'idle') return;
      const purpose: LinkPurpose = { kind: 'new' };
      set({ phase: 'exchanging', purpose, error: null, conflictConnectionId: null, result: null });
      try {
        finished(purpose, await ledger.invoke('link.sandboxConnect', { institutionId }));
      } catch (error) {
        fail(error);
      }
    },

    succeeded(ledger, publicToken, metadata) {
      const purpose = get().purpose;
      if (!purpose) return;
      set({ phase: 'exchanging' });
      const institution = metadata.institution
        ? { id: metadata.institution.institution_id, name: metadata.institution.name }
        : null;
      const accounts = metadata.accounts.map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type ?? null,
        subtype: a.subtype ?? null,
        mask: a.mask ?? null,
      }));
      ledger
        .invoke('link.exchange', {
          publicToken,
          institution,
          accounts,
          ...(purpose.kind === 'new' ? {} : { connectionId: purpose.connectionId }),
        })
        .then((result) => finished(purpose, result), fail);
    },

    exited(error) {
      if (get().phase === 'exchanging') return;
      if (!error) {
        set({ phase: 'idle', token: null });
        return;
      }
      // Plaid's display_message is written for the user; its error_message is for developers.
      set({
        phase: 'idle',
        token: null,
        error: new LedgerError(
          'PLAID',
          error.display_message || error.error_message || 'Plaid Link closed with an error.',
          { plaidErrorCode: error.error_code, plaidErrorType: error.error_type },
        ),
      });
    },

    scriptFailed() {
      set({
        phase: 'idle',
        token: null,
        error: new LedgerError(
          'PLAID',
          'Plaid Link could not be loaded. Check your internet connection and try again.',
        ),
      });
    },

    dismiss() {
      set({ error: null, conflictConnectionId: null });
    },
  };
});
