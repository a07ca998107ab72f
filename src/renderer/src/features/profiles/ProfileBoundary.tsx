import { Fragment, useEffect, type ReactNode } from 'react';
import { useLedger } from '../../ledger/context';
import { useProfileSession } from './session';

/**
 * Everything below starts afresh when another profile opens, whichever window opened it: the
 * core's `profiles.switched` event reaches every window.
 */
export function ProfileBoundary({ children }: { children: ReactNode }) {
  const ledger = useLedger();
  const epoch = useProfileSession((s) => s.epoch);
  useEffect(
    () =>
      ledger.onEvent((event) => {
        if (event.name === 'profiles.switched') {
          useProfileSession.getState().opened(event.payload.profileId);
        }
      }),
    [ledger],
  );
  return <Fragment key={epoch}>{children}</Fragment>;
}
