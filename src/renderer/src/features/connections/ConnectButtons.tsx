import { useId, useState } from 'react';
import { useLedger } from '../../ledger/context';
import { useLinkSession } from '../../link/link-session';
import { usePlaidSettings } from '../../store/plaid-settings';
import { Dialog } from '../../components/Dialog';
import { PlusIcon } from '../../components/Icons';
import { Spinner } from '../../components/Loading';

/** Opens Plaid Link for a new bank. */
export function ConnectBankButton({ primary = true }: { primary?: boolean }) {
  const ledger = useLedger();
  const phase = useLinkSession((s) => s.phase);
  const kind = useLinkSession((s) => s.purpose?.kind);
  const mine = kind === 'new';
  const label =
    mine && phase === 'preparing'
      ? 'Opening Plaid…'
      : mine && phase === 'open'
        ? 'Plaid Link is open'
        : mine && phase === 'exchanging'
          ? 'Connecting…'
          : 'Connect a bank';
  return (
    <button
      type="button"
      className={primary ? 'button button-primary' : 'button'}
      disabled={phase !== 'idle'}
      onClick={() => void useLinkSession.getState().start(ledger, { kind: 'new' })}
    >
      {mine && phase !== 'idle' ? <Spinner size={14} /> : <PlusIcon width={16} height={16} />}
      {label}
    </button>
  );
}

/**
 * Hosted Link: Plaid's own page in the user's web browser. The way that works for every bank,
 * for the few whose sign-in will not run in Ledgerlight's Plaid window.
 */
export function ConnectInBrowserButton() {
  const ledger = useLedger();
  const phase = useLinkSession((s) => s.phase);
  return (
    <button
      type="button"
      className="button button-ghost"
      disabled={phase !== 'idle'}
      title="Opens Plaid’s page in your web browser, for banks that do not work in the Plaid window"
      onClick={() =>
        void useLinkSession.getState().start(ledger, { kind: 'new' }, { hosted: true })
      }
    >
      Connect in your browser
    </button>
  );
}

/** Plaid's Sandbox test banks, linked without the Link UI (Sandbox keys only). */
const TEST_BANKS = [
  { id: 'ins_109508', name: 'First Platypus Bank' },
  { id: 'ins_109511', name: 'Tartan Bank' },
  { id: 'ins_109512', name: 'Houndstooth Bank' },
];

export function TestBankButton() {
  const ledger = useLedger();
  const environment = usePlaidSettings((s) => s.settings?.environment);
  const phase = useLinkSession((s) => s.phase);
  const [open, setOpen] = useState(false);
  const [institutionId, setInstitutionId] = useState(TEST_BANKS[0]!.id);
  const selectId = useId();
  if (environment !== 'sandbox') return null;
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={phase !== 'idle'}
        onClick={() => setOpen(true)}
      >
        Add a test bank
      </button>
      {open ? (
        <Dialog
          title="Add a Sandbox test bank"
          description="Plaid’s Sandbox has test banks with made-up accounts and two years of transactions. Ledgerlight links one directly, without opening Plaid Link."
          onClose={() => setOpen(false)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  setOpen(false);
                  void useLinkSession.getState().sandboxConnect(ledger, institutionId);
                }}
              >
                Add test bank
              </button>
            </>
          }
        >
          <div className="field">
            <label htmlFor={selectId}>Test bank</label>
            <select
              id={selectId}
              value={institutionId}
              onChange={(e) => setInstitutionId(e.target.value)}
            >
              {TEST_BANKS.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
