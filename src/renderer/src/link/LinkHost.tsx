import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { usePlaidLink, type PlaidLinkOnExit, type PlaidLinkOnSuccess } from 'react-plaid-link';
import { useLedger } from '../ledger/context';
import { useLinkSession } from './link-session';

/**
 * Where Plaid Link lives: mounted once in the app shell, it opens Link whenever a screen has
 * asked for a session, and takes the user to the connection once a new bank is in.
 */
export function LinkHost() {
  const token = useLinkSession((s) => s.token);
  const result = useLinkSession((s) => s.result);
  const conflict = useLinkSession((s) => s.conflictConnectionId);
  const navigate = useNavigate();

  useEffect(() => {
    if (result?.purpose.kind === 'new') {
      void navigate(`/connections?focus=${encodeURIComponent(result.connectionId)}`);
    }
  }, [result, navigate]);
  useEffect(() => {
    if (conflict) void navigate(`/connections?focus=${encodeURIComponent(conflict)}`);
  }, [conflict, navigate]);

  return token ? <PlaidLinkSession key={token} token={token} /> : null;
}

function PlaidLinkSession({ token }: { token: string }) {
  const ledger = useLedger();
  // Link keeps the callbacks it was created with, so they read the store when called.
  const onSuccess: PlaidLinkOnSuccess = (publicToken, metadata) => {
    if (publicToken) useLinkSession.getState().succeeded(ledger, publicToken, metadata);
  };
  const onExit: PlaidLinkOnExit = (error) => useLinkSession.getState().exited(error);
  const { open, ready, error } = usePlaidLink({ token, onSuccess, onExit });
  const opened = useRef(false);

  useEffect(() => {
    if (ready && !opened.current) {
      opened.current = true;
      open();
    }
  }, [ready, open]);
  useEffect(() => {
    if (error) useLinkSession.getState().scriptFailed();
  }, [error]);
  return null;
}
