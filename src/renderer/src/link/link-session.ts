import { create } from 'zustand';
import type { LedgerApi, LedgerEvents } from '../../../shared/contract';
import { LedgerError } from '../../../shared/errors';
import { asLedgerError } from '../errors';
import { useLiveSync } from '../store/live-sync';
import { toast } from '../store/toasts';

/**
 * Why Link is opened: a new bank, a repair (login required), renewing consent before it expires,
 * or choosing which accounts a connection shares. All but the first are Link's update mode.
 */
export type LinkPurpose =
  | { kind: 'new' }
  | { kind: 'repair'; connectionId: string; name: string }
  | { kind: 'renew'; connectionId: string; name: string }
  | { kind: 'update-accounts'; connectionId: string; name: string };

/**
 * `open`: Link is showing elsewhere (its own window, or the browser) and this window waits for
 * `link.finished`; `exchanging`: a Sandbox test bank is being linked directly.
 */
export type LinkPhase = 'idle' | 'preparing' | 'open' | 'exchanging';

interface LinkSessionState {
  phase: LinkPhase;
  purpose: LinkPurpose | null;
  /** The link token of the open session. */
  token: string | null;
  /** Hosted Link: Plaid's page in the user's own browser. */
  hosted: boolean;
  /** The last failure: Plaid's display message when Link exited with an error, or ours. */
  error: LedgerError | null;
  /** The bank is linked already: this is the connection to update instead. */
  conflictConnectionId: string | null;
  /** The last success, so the screen can show where the new data went. */
  result: { purpose: LinkPurpose; connectionId: string } | null;
  start(ledger: LedgerApi, purpose: LinkPurpose, options?: { hosted?: boolean }): Promise<void>;
  /** Brings the open Link back (its window, or a new browser tab for Hosted Link). */
  reopen(ledger: LedgerApi): Promise<void>;
  /** Hosted Link: asks Plaid whether the session in the browser has finished. */
  checkHosted(ledger: LedgerApi): Promise<void>;
  sandboxConnect(ledger: LedgerApi, institutionId: string): Promise<void>;
  /** The core's `link.finished` event. */
  finished(event: LedgerEvents['link.finished']): void;
  /** Stops waiting for the open session (Link may still finish; the ledger then shows it). */
  cancel(): void;
  dismiss(): void;
}

/**
 * One Plaid Link session at a time, whatever screen started it: a link token from the core, Link
 * opened where Plaid's script cannot reach this window, then the core's word on how it ended.
 * Results and failures stay here for the screens to show.
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

  const succeeded = (purpose: LinkPurpose, connectionId: string, accountCount: number) => {
    set({ phase: 'idle', token: null, result: { purpose, connectionId } });
    useLiveSync.getState().ledgerChanged();
    if (purpose.kind === 'new') {
      toast({
        tone: 'success',
        title: 'Bank connected',
        body: `${accountCount} ${accountCount === 1 ? 'account' : 'accounts'} added. Ledgerlight is fetching their transactions now.`,
        endsWithSyncOf: connectionId,
      });
    } else if (purpose.kind === 'repair') {
      toast({ tone: 'success', title: `${purpose.name} repaired`, body: 'Syncing again now.' });
    } else if (purpose.kind === 'renew') {
      toast({ tone: 'success', title: `Access to ${purpose.name} renewed` });
    } else {
      toast({ tone: 'success', title: `${purpose.name} updated` });
    }
  };

  const show = async (ledger: LedgerApi, linkToken: string, hosted: boolean) => {
    if (hosted) await ledger.openHostedLink({ linkToken });
    else await ledger.openLink({ linkToken });
  };

  return {
    phase: 'idle',
    purpose: null,
    token: null,
    hosted: false,
    error: null,
    conflictConnectionId: null,
    result: null,

    async start(ledger, purpose, options = {}) {
      if (get().phase !== 'idle') return;
      const hosted = options.hosted === true;
      set({
        phase: 'preparing',
        purpose,
        hosted,
        error: null,
        conflictConnectionId: null,
        result: null,
      });
      try {
        const input = {
          ...(purpose.kind === 'new'
            ? {}
            : {
                connectionId: purpose.connectionId,
                updateAccountSelection: purpose.kind === 'update-accounts',
              }),
          ...(hosted ? { hosted: true } : {}),
        };
        const { linkToken } = await ledger.invoke('link.createToken', input);
        set({ phase: 'open', token: linkToken });
        await show(ledger, linkToken, hosted);
      } catch (error) {
        fail(error);
      }
    },

    async reopen(ledger) {
      const { token, hosted, phase } = get();
      if (phase !== 'open' || !token) return;
      try {
        await show(ledger, token, hosted);
      } catch (error) {
        fail(error);
      }
    },

    async checkHosted(ledger) {
      const { token, phase } = get();
      if (phase !== 'open' || !token) return;
      try {
        const { pending } = await ledger.invoke('link.checkHosted', { linkToken: token });
        if (pending > 0) {
          toast({
            tone: 'info',
            title: 'Not finished yet',
            body: 'Plaid has not heard back from your browser yet. Finish there, then try again.',
          });
        }
      } catch (error) {
        fail(error);
      }
    },

    async sandboxConnect(ledger, institutionId) {
      if (get().phase !== 'idle') return;
      const purpose: LinkPurpose = { kind: 'new' };
      set({ phase: 'exchanging', purpose, error: null, conflictConnectionId: null, result: null });
      try {
        const result = await ledger.invoke('link.sandboxConnect', { institutionId });
        succeeded(purpose, result.connectionId, result.accounts.length);
      } catch (error) {
        fail(error);
      }
    },

    finished(event) {
      const { token, purpose } = get();
      if (!purpose || event.linkToken !== token) return;
      if ((event.outcome === 'connected' || event.outcome === 'updated') && event.connectionId) {
        succeeded(purpose, event.connectionId, event.accountCount);
      } else if (event.outcome === 'exited') {
        set({
          phase: 'idle',
          token: null,
          error: event.error ? LedgerError.fromShape(event.error) : null,
        });
      } else {
        fail(
          event.error
            ? LedgerError.fromShape(event.error)
            : new LedgerError('INTERNAL', 'The bank could not be connected.'),
        );
      }
    },

    cancel() {
      set({ phase: 'idle', token: null });
    },

    dismiss() {
      set({ error: null, conflictConnectionId: null });
    },
  };
});
