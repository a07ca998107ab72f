import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { LedgerError } from '../../../shared/errors';
import { asLedgerError } from '../errors';
import { useLedger } from '../ledger/context';
import { useLiveSync } from '../store/live-sync';
import { invokeChannel } from './useLedgerQuery';

export interface MutationOptions {
  /**
   * What to reload after a success. 'ledger' (the default) for writes that send no event of
   * their own; 'none' where the core's own event (connections.changed, the sync's events)
   * already reloads the screens that care.
   */
  invalidates?: 'ledger' | 'none';
  /**
   * A refusal the caller deals with itself (a cooldown to show, a toast): return true and it
   * is not kept in `error`.
   */
  handle?(error: LedgerError): boolean;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: LedgerError };

export interface Mutation<C extends Channel> {
  /** Resolves with the answer, or with null when the core refused (the error is in `error`). */
  run(input: ChannelInput<C>): Promise<ChannelOutput<C> | null>;
  /** Like `run`, but tells a refusal from a success even when the answer itself is null. */
  attempt(input: ChannelInput<C>): Promise<Attempt<ChannelOutput<C>>>;
  pending: boolean;
  error: LedgerError | null;
  clearError(): void;
}

/**
 * One writing channel as React state: busy while the call is out, the refusal as a sentence to
 * show, and every screen that reads the ledger reloaded once it changed (a person's edit sends no
 * event of its own, unlike a sync).
 */
export function useLedgerMutation<C extends Channel>(
  channel: C,
  options: MutationOptions = {},
): Mutation<C> {
  const ledger = useLedger();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<LedgerError | null>(null);
  const out = useRef(0);
  // The latest options, so a `handle` written inline does not make a new `run` every render.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const attempt = useCallback(
    async (input: ChannelInput<C>): Promise<Attempt<ChannelOutput<C>>> => {
      out.current += 1;
      setPending(true);
      setError(null);
      try {
        const value = await invokeChannel(ledger, channel, input);
        if ((latest.current.invalidates ?? 'ledger') === 'ledger') {
          useLiveSync.getState().ledgerChanged();
        }
        return { ok: true, value };
      } catch (e) {
        const refusal = asLedgerError(e);
        if (!latest.current.handle?.(refusal)) setError(refusal);
        return { ok: false, error: refusal };
      } finally {
        out.current -= 1;
        if (out.current === 0) setPending(false);
      }
    },
    [ledger, channel],
  );
  const run = useCallback(
    async (input: ChannelInput<C>) => {
      const result = await attempt(input);
      return result.ok ? result.value : null;
    },
    [attempt],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, attempt, pending, error, clearError };
}
