import type {
  BatchRow,
  BatchRowStatus,
  Connection,
  ImportBatch,
  ImportMethod,
} from '../../../../shared/model';
import { formatDay } from '../../format/dates';
import { connectionName } from '../../store/connections';

/** The methods whose batches came from a file (and can be reverted). */
export const FILE_METHODS: readonly ImportMethod[] = ['CSV', 'OFX', 'QIF'];

export function isFileImport(batch: ImportBatch): boolean {
  return FILE_METHODS.includes(batch.importMethod);
}

/** A file import that is still in the ledger can be taken back. */
export function canRevert(batch: ImportBatch): boolean {
  return isFileImport(batch) && batch.revertedAt === null;
}

const accountOf = (batch: ImportBatch) => batch.accountName ?? 'an account';

/**
 * What a batch is, in one phrase: "CSV import of statement.csv into Credit union", "Sync of
 * First Platypus Bank", "Entered by hand in Wallet".
 */
export function batchTitle(batch: ImportBatch, connections: Connection[] | null): string {
  switch (batch.importMethod) {
    case 'PLAID':
      return `Sync of ${connectionName(connections, batch.connectionId)}`;
    case 'MANUAL':
      return `Entered by hand in ${accountOf(batch)}`;
    case 'API':
      return `Added by another program to ${accountOf(batch)}`;
    case 'CSV':
    case 'OFX':
    case 'QIF':
      return `${batch.importMethod} import of ${batch.fileName ?? 'a file'} into ${accountOf(batch)}`;
  }
}

/** The days a batch's rows span: "Mar 2, 2026 – Mar 31, 2026", one day, or a dash. */
export function batchDates(batch: ImportBatch): string {
  if (!batch.minDate || !batch.maxDate) return '—';
  if (batch.minDate === batch.maxDate) return formatDay(batch.minDate);
  return `${formatDay(batch.minDate)} – ${formatDay(batch.maxDate)}`;
}

/** A row's status as the person reads it. */
export const STATUS_WORDS: Record<BatchRowStatus, string> = {
  unmatched: 'New',
  matched: 'Already here',
  suggested: 'To check',
  confirmed: 'Confirmed',
  excluded: 'Left out',
};

export const STATUS_TONES: Record<BatchRowStatus, 'positive' | 'neutral' | 'warning' | 'info'> = {
  unmatched: 'positive',
  matched: 'neutral',
  suggested: 'warning',
  confirmed: 'info',
  excluded: 'neutral',
};

/** How a row was found to be already here, in words (null when there is nothing to say). */
export function matchWords(row: BatchRow): string | null {
  const match = row.match;
  if (!match) return null;
  if (row.status === 'suggested') return 'May be the same as a transaction already here';
  switch (match.how) {
    case 'id':
      return 'Found by the file’s own id';
    case 'amount-date':
      return 'Same amount and date';
    case 'person':
      return row.status === 'unmatched' || row.status === 'excluded'
        ? 'You chose to keep both'
        : 'You chose';
  }
}
