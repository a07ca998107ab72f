import { useCallback, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { LedgerError } from '../../../shared/errors';
import { asLedgerError } from '../errors';
import { useLedger } from '../ledger/context';
import { useLiveSync } from '../store/live-sync';
import { invokeChannel } from './useLedgerQuery';

export interface Mutation<C extends Channel> {
  /** Resolves with the answer, or with null when the core refused (the error is in `error`). */
  run(input: ChannelInput<C>): Promise<ChannelOutput<C> | null>;
  pending: boolean;
  error: LedgerError | null;
  clearError(): void;
}

/**
 * One writing channel as React state: busy while the call is out, the refusal as a sentence to
 * show, and every screen that reads the ledger reloaded once it changed (a person's edit sends no
 * event of its own, unlike a sync).
 */
export function useLedgerMutation<C extends Channel>(channel: C): Mutation<C> {
  const ledger = useLedger();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<LedgerError | null>(null);
  const out = useRef(0);
  const run = useCallback(
    async (input: ChannelInput<C>) => {
      out.current += 1;
      setPending(true);
      setError(null);
      try {
        const answer = await invokeChannel(ledger, channel, input);
        useLiveSync.getState().ledgerChanged();
        return answer;
      } catch (e) {
        setError(asLedgerError(e));
        return null;
      } finally {
        out.current -= 1;
        if (out.current === 0) setPending(false);
      }
    },
    [ledger, channel],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
