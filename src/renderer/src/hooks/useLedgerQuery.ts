import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  InvokeArgs,
  LedgerApi,
} from '../../../shared/contract';
import type { LedgerError } from '../../../shared/errors';
import { asLedgerError } from '../errors';
import { useLedger } from '../ledger/context';
import { useLiveSync } from '../store/live-sync';

/** Which live changes make a query reload. */
export type Watch = 'ledger' | 'connections' | 'none';

export interface QueryResult<T> {
  data: T | undefined;
  error: LedgerError | null;
  /** True while a request is out; `data` keeps the previous answer meanwhile. */
  loading: boolean;
  reload(): void;
}

/**
 * Answers of earlier visits, so going back to a screen shows its data at once and refreshes it
 * quietly instead of flashing a spinner.
 */
const cache = new Map<string, unknown>();

/** Forgets every kept answer: another profile is open, and none of them belongs to it. */
export function clearQueryCache(): void {
  cache.clear();
}

export function invokeChannel<C extends Channel>(
  ledger: LedgerApi,
  channel: C,
  input: ChannelInput<C> | undefined,
): Promise<ChannelOutput<C>> {
  return ledger.invoke(channel, ...([input] as unknown as InvokeArgs<C>));
}

interface State<T> {
  key: string | null;
  data: T | undefined;
  error: LedgerError | null;
  /** Which request (key, version, reload) the data and error answer. */
  answered: string | null;
}

/**
 * One read-only channel as React state: loads on mount and when the input changes, reloads when
 * the core reports changes (see `watch`), and ignores answers that arrive out of order.
 * `input === null` means "not yet" (nothing is requested).
 */
export function useLedgerQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | null,
  options: { watch?: Watch } = {},
): QueryResult<ChannelOutput<C>> {
  const ledger = useLedger();
  const watch = options.watch ?? 'connections';
  const key = input === null ? null : `${channel}:${JSON.stringify(input)}`;
  const version = useLiveSync((s) =>
    watch === 'none'
      ? 0
      : watch === 'ledger'
        ? s.ledgerVersion
        : s.connectionsVersion + s.ledgerVersion,
  );
  const [reloads, setReloads] = useState(0);
  const request = key === null ? null : `${key}#${version}#${reloads}`;
  const fresh = (k: string | null): State<ChannelOutput<C>> => ({
    key: k,
    data: k ? (cache.get(k) as ChannelOutput<C> | undefined) : undefined,
    error: null,
    answered: null,
  });
  const [state, setState] = useState<State<ChannelOutput<C>>>(() => fresh(key));
  const latest = useRef<string | null>(null);

  // A new key shows that key's cached answer (or nothing) until its own answer arrives.
  if (state.key !== key) setState(fresh(key));

  useEffect(() => {
    if (key === null || request === null || input === null) return;
    latest.current = request;
    invokeChannel(ledger, channel, input).then(
      (data) => {
        if (latest.current !== request) return;
        cache.set(key, data);
        setState({ key, data, error: null, answered: request });
      },
      (error: unknown) => {
        if (latest.current !== request) return;
        setState((s) => ({ ...s, key, error: asLedgerError(error), answered: request }));
      },
    );
    // `input` is represented by `key` (and `request`).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ledger, request]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return {
    data: state.key === key ? state.data : undefined,
    error: state.key === key ? state.error : null,
    loading: request !== null && state.answered !== request,
    reload,
  };
}
