import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import type { LedgerError } from '../../../../shared/errors';
import type { ImportPreview } from '../../../../shared/imports';
import { asLedgerError } from '../../errors';
import { useLedger } from '../../ledger/context';

export type ImportInput = ChannelInput<'import.preview'>;

/** A pause in the person's changes this long before the file is read again. */
const DEBOUNCE_MS = 350;

export interface Preview {
  /** The latest answer (kept while a newer one is asked for, and after a refusal). */
  preview: ImportPreview | null;
  /** The input that answer is for. */
  input: ImportInput | null;
  error: LedgerError | null;
  /** A request is out, or waiting for the person's changes to pause. */
  pending: boolean;
  /** Asks now. Resolves with the answer, or null when the core refused or a newer ask won. */
  ask(input: ImportInput): Promise<ImportPreview | null>;
  /** Asks once the changes pause. */
  askSoon(input: ImportInput): void;
  reset(): void;
}

/**
 * `import.preview` as state: what importing the file would do, asked again as the person changes
 * how it reads. Only the latest question's answer is kept, so a slow answer to an older mapping
 * never replaces a newer one. (Not a `useLedgerQuery`: the file itself is the input, and the
 * query cache would keep every version of it.)
 */
export function usePreview(): Preview {
  const ledger = useLedger();
  const [state, setState] = useState<{
    preview: ImportPreview | null;
    input: ImportInput | null;
    error: LedgerError | null;
  }>({ preview: null, input: null, error: null });
  const [pending, setPending] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancelTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancelTimer, []);

  const ask = useCallback(
    async (input: ImportInput): Promise<ImportPreview | null> => {
      cancelTimer();
      const mine = ++latest.current;
      setPending(true);
      try {
        const preview = await ledger.invoke('import.preview', input);
        if (latest.current !== mine) return null;
        setState({ preview, input, error: null });
        return preview;
      } catch (e) {
        if (latest.current !== mine) return null;
        setState((s) => ({ ...s, error: asLedgerError(e) }));
        return null;
      } finally {
        if (latest.current === mine) setPending(false);
      }
    },
    [ledger],
  );

  const askSoon = useCallback(
    (input: ImportInput) => {
      cancelTimer();
      // Answers to what the person changed before this no longer count.
      latest.current += 1;
      setPending(true);
      timer.current = setTimeout(() => void ask(input), DEBOUNCE_MS);
    },
    [ask],
  );

  const reset = useCallback(() => {
    cancelTimer();
    latest.current += 1;
    setPending(false);
    setState({ preview: null, input: null, error: null });
  }, []);

  return { ...state, pending, ask, askSoon, reset };
}
