import { useCallback, useState } from 'react';
import type { Profile } from '../../../../shared/model';
import type { LedgerError } from '../../../../shared/errors';
import { asLedgerError } from '../../errors';
import { useLedger } from '../../ledger/context';
import { toast } from '../../store/toasts';
import { useProfileSession } from './session';

/** Opens another profile: the core waits for running syncs to stop, then everything reloads. */
export function useSwitchProfile() {
  const ledger = useLedger();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<LedgerError | null>(null);
  const switchTo = useCallback(
    async (profile: Pick<Profile, 'id' | 'name'>) => {
      setPending(profile.id);
      setError(null);
      try {
        const list = await ledger.invoke('profiles.switch', { id: profile.id });
        useProfileSession.getState().opened(list.currentId);
        toast({ tone: 'success', title: `“${profile.name}” is open` });
        return true;
      } catch (e) {
        setError(asLedgerError(e));
        return false;
      } finally {
        setPending(null);
      }
    },
    [ledger],
  );
  return { switchTo, pending, error, clearError: () => setError(null) };
}
