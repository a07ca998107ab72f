import { useEffect, useRef, useState } from 'react';
import {
  usePlaidLink,
  type PlaidLinkOnEvent,
  type PlaidLinkOnExit,
  type PlaidLinkOnSuccess,
} from 'react-plaid-link';
import type { LinkOutcome } from '../../../shared/contract';
import { linkExitError } from '../../../shared/link-exit-error';
import { prepareLinkScript } from './link-script';
import { report, reportExitOnClose } from './report';
import type { LinkParams } from './session-params';

type View =
  | { name: 'loading' }
  | { name: 'link' }
  | { name: 'sending' }
  | { name: 'done'; text: string }
  | { name: 'failed'; text: string };

/**
 * The Link page: react-plaid-link with the token it was opened with, and nothing of the ledger.
 * When Link ends, the result goes back to Ledgerlight (report.ts) and this window closes.
 */
export function LinkPage({ params }: { params: LinkParams }) {
  const [view, setView] = useState<View>({ name: 'loading' });
  const reported = useRef(false);

  useEffect(() => {
    if (!params.token) return;
    let cancelled = false;
    fetch('/config.json')
      .then((r) => r.json() as Promise<{ linkScriptUrl: string | null }>)
      .then((config) => prepareLinkScript(config.linkScriptUrl))
      .then(() => !cancelled && setView({ name: 'link' }))
      .catch(() =>
        setView({
          name: 'failed',
          text: 'Plaid Link could not be loaded. Check your internet connection, close this window and try again.',
        }),
      );
    return () => {
      cancelled = true;
    };
  }, [params.token]);

  if (!params.token) {
    return (
      <Message title="Nothing to connect here">
        This window has no Plaid session. Close it and start again from Ledgerlight.
      </Message>
    );
  }
  const token = params.token;

  const send = async (outcome: LinkOutcome, done: string) => {
    if (reported.current) return;
    reported.current = true;
    setView({ name: 'sending' });
    const accepted = await report(outcome);
    if (!accepted) {
      setView({
        name: 'failed',
        text: 'Ledgerlight did not take this result. Close this window and start again from Ledgerlight.',
      });
      return;
    }
    setView({ name: 'done', text: done });
    window.close();
  };

  switch (view.name) {
    case 'loading':
      return <Message title="Opening Plaid…">Connecting to Plaid.</Message>;
    case 'sending':
      return <Message title="Connecting…">Handing the result to Ledgerlight.</Message>;
    case 'done':
      return <Message title="Done">{view.text}</Message>;
    case 'failed':
      return <Message title="Something went wrong">{view.text}</Message>;
    case 'link':
      return (
        <PlaidLinkRunner
          token={token}
          receivedRedirectUri={params.receivedRedirectUri}
          isDone={() => reported.current}
          onOutcome={(outcome) =>
            void send(
              outcome,
              outcome.status === 'success'
                ? 'Your bank is connected. You can close this window.'
                : 'Plaid Link was closed. You can close this window.',
            )
          }
          onScriptError={() =>
            setView({
              name: 'failed',
              text: 'Plaid Link could not be loaded. Check your internet connection, close this window and try again.',
            })
          }
        />
      );
  }
}

function PlaidLinkRunner({
  token,
  receivedRedirectUri,
  isDone,
  onOutcome,
  onScriptError,
}: {
  token: string;
  receivedRedirectUri: string | null;
  isDone: () => boolean;
  onOutcome: (outcome: LinkOutcome) => void;
  onScriptError: () => void;
}) {
  // While the bank's OAuth page has the user, leaving this page is not the end of the session.
  const atBank = useRef(false);
  const onSuccess: PlaidLinkOnSuccess = (publicToken, metadata) => {
    if (!publicToken) return;
    onOutcome({
      linkToken: token,
      status: 'success',
      publicToken,
      institution: metadata.institution
        ? { id: metadata.institution.institution_id, name: metadata.institution.name }
        : null,
      accounts: metadata.accounts.map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type ?? null,
        subtype: a.subtype ?? null,
        mask: a.mask ?? null,
      })),
    });
  };
  const onExit: PlaidLinkOnExit = (error) =>
    onOutcome({ linkToken: token, status: 'exit', error: error ? linkExitError(error) : null });
  const onEvent: PlaidLinkOnEvent = (name) => {
    if (name === 'OPEN_OAUTH') atBank.current = true;
    if (name === 'CLOSE_OAUTH') atBank.current = false;
  };
  const { open, ready, error } = usePlaidLink({
    token,
    onSuccess,
    onExit,
    onEvent,
    ...(receivedRedirectUri ? { receivedRedirectUri } : {}),
  });
  const opened = useRef(false);
  useEffect(() => reportExitOnClose(token, () => isDone() || atBank.current), [token, isDone]);
  useEffect(() => {
    if (ready && !opened.current) {
      opened.current = true;
      open();
    }
  }, [ready, open]);
  useEffect(() => {
    if (error) onScriptError();
  }, [error, onScriptError]);
  return <Message title="Plaid Link">Follow the steps in Plaid’s window.</Message>;
}

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="link-page">
      <h1>{title}</h1>
      <p role="status">{children}</p>
    </main>
  );
}
