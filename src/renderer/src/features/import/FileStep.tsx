import { useId, useState, type DragEvent } from 'react';
import type { Account } from '../../../../shared/model';
import { Spinner } from '../../components/Loading';
import { ACCEPTED_FILES, type ChosenFile } from './read-file';

/**
 * Step 1: the account to import into (when the screen was not opened for one) and the file,
 * chosen with the system's file picker or dropped onto the box.
 */
export function FileStep({
  accounts,
  accountId,
  accountFixed,
  accountProblem,
  file,
  reading,
  onAccount,
  onFile,
}: {
  accounts: Account[];
  accountId: string;
  /** The screen was opened for this account: it is named, not asked. */
  accountFixed: boolean;
  accountProblem: string | null;
  file: ChosenFile | null;
  reading: boolean;
  onAccount(accountId: string): void;
  onFile(file: File): void;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const account = accounts.find((a) => a.id === accountId);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !reading) onFile(dropped);
  };

  return (
    <div className="import-file-step">
      {accountFixed && account ? (
        <p>
          Into <strong>{account.name}</strong>
          {account.institutionName ? ` at ${account.institutionName}` : ''} ({account.currency}).
        </p>
      ) : (
        <div className="field import-account">
          <label htmlFor={`${id}-account`}>Account to import into</label>
          <select
            id={`${id}-account`}
            value={accountId}
            aria-invalid={accountProblem ? true : undefined}
            aria-describedby={accountProblem ? `${id}-account-err` : `${id}-account-help`}
            onChange={(e) => onAccount(e.target.value)}
          >
            <option value="">Choose an account</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.institutionName ? ` · ${a.institutionName}` : ''} ({a.currency})
              </option>
            ))}
          </select>
          {accountProblem ? (
            <p id={`${id}-account-err`} className="field-error">
              {accountProblem}
            </p>
          ) : (
            <p id={`${id}-account-help`} className="field-help">
              Any account, linked to a bank or kept by hand.
            </p>
          )}
        </div>
      )}

      <div
        className={over ? 'import-drop import-drop-over' : 'import-drop'}
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
        }}
        onDrop={onDrop}
      >
        <label htmlFor={`${id}-file`} className="import-drop-label">
          Choose the file your bank gave you
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept={ACCEPTED_FILES}
          aria-describedby={`${id}-file-help`}
          disabled={reading}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            // Cleared, so choosing the same file again (after fixing it) reads it again.
            e.target.value = '';
            if (chosen) onFile(chosen);
          }}
        />
        <p id={`${id}-file-help`} className="field-help">
          or drop it here. CSV, OFX, QFX or QIF, up to 10 MB. Nothing is imported until you say so.
        </p>
        {reading ? (
          <p role="status" className="import-reading">
            <Spinner size={14} /> Reading {file?.name ?? 'the file'}…
          </p>
        ) : file ? (
          <p className="muted">
            Chosen: <strong>{file.name}</strong> ({sizeText(file.size)})
          </p>
        ) : null}
      </div>
    </div>
  );
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
