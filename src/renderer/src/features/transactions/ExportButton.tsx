import { useState } from 'react';
import type { Account, ChannelInput } from '../../../../shared/contract';
import { DownloadIcon } from '../../components/Icons';
import { Spinner } from '../../components/Loading';
import { asLedgerError } from '../../errors';
import { localToday } from '../../format/dates';
import { plural } from '../../format/labels';
import { useLedger } from '../../ledger/context';
import { toast } from '../../store/toasts';
import { buildTransactionsCsv, downloadText } from './export';

/** Exports the transactions matching `query` (all of them when it is empty) as a CSV file. */
export function ExportButton({
  query,
  accounts,
  label = 'Export CSV',
}: {
  query: ChannelInput<'transactions.list'>;
  accounts: Map<string, Account>;
  label?: string;
}) {
  const ledger = useLedger();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  async function run() {
    setProgress({ done: 0, total: 0 });
    try {
      const { csv, count } = await buildTransactionsCsv(ledger, query, accounts, (done, total) =>
        setProgress({ done, total }),
      );
      downloadText(csv, `ledgerlight-transactions-${localToday()}.csv`);
      toast({
        tone: 'success',
        title: 'Export ready',
        body: `${plural(count, 'transaction')} in the CSV file.`,
      });
    } catch (error) {
      const e = asLedgerError(error);
      toast({ tone: 'error', title: 'The export failed', body: e.message });
    } finally {
      setProgress(null);
    }
  }

  return (
    <button
      type="button"
      className="button"
      onClick={() => void run()}
      disabled={progress !== null}
    >
      {progress ? <Spinner size={14} /> : <DownloadIcon width={16} height={16} />}
      {progress
        ? progress.total
          ? `Exporting ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}…`
          : 'Exporting…'
        : label}
    </button>
  );
}
