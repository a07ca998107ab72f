import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useLedger } from '../ledger/context';
import { useLinkSession } from './link-session';

/**
 * Mounted once in the app shell: hears how Link sessions end (the core's `link.finished`), and
 * takes the user to the connection once a new bank is in, or to the one it duplicates. Link
 * itself never renders here: it runs in a window of its own, where Plaid's script cannot reach
 * this one.
 */
export function LinkHost() {
  const ledger = useLedger();
  const result = useLinkSession((s) => s.result);
  const conflict = useLinkSession((s) => s.conflictConnectionId);
  const navigate = useNavigate();

  useEffect(
    () =>
      ledger.onEvent((event) => {
        if (event.name === 'link.finished') useLinkSession.getState().finished(event.payload);
      }),
    [ledger],
  );
  useEffect(() => {
    if (result?.purpose.kind === 'new') {
      void navigate(`/connections?focus=${encodeURIComponent(result.connectionId)}`);
    }
  }, [result, navigate]);
  useEffect(() => {
    if (conflict) void navigate(`/connections?focus=${encodeURIComponent(conflict)}`);
  }, [conflict, navigate]);
  return null;
}
