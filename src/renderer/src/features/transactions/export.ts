import type {
  Account,
  ChannelInput,
  LedgerApi,
  TransactionPage,
} from '../../../../shared/contract';
import { csvLine, csvText } from '../../format/csv';
import { toDecimalString } from '../../format/money';
import { PAGE_SIZE } from './page-loader';

const HEADER = [
  'Date',
  'Description',
  'Merchant',
  'Category',
  'Category detail',
  'Account',
  'Bank',
  'Amount',
  'Currency',
  'Pending',
  'Payee',
  'Your category',
  'Notes',
  'Left out of reports',
  'Transaction ID',
];

/**
 * Builds the CSV in the window from `transactions.list` pages: nothing leaves the machine and no
 * file is written until the user saves it. Amounts are exact decimal strings (positive = money
 * in) with their currency in a column of its own, never summed or converted.
 */
export async function buildTransactionsCsv(
  ledger: LedgerApi,
  query: ChannelInput<'transactions.list'>,
  accounts: Map<string, Account>,
  onProgress: (done: number, total: number) => void,
): Promise<{ csv: string; count: number }> {
  const parts: string[] = [csvLine(HEADER)];
  let cursor: string | null = null;
  let count = 0;
  const { sort: _sort, direction: _direction, limit: _limit, cursor: _cursor, ...filter } = query;
  const total = await ledger.invoke('transactions.count', filter);
  do {
    const page: TransactionPage = await ledger.invoke('transactions.list', {
      ...query,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const t of page.items) {
      const account = accounts.get(t.accountId);
      parts.push(
        csvLine([
          t.date,
          csvText(t.name),
          csvText(t.merchantName ?? ''),
          csvText(t.category ?? ''),
          csvText(t.categoryDetailed ?? ''),
          csvText(
            account ? `${account.name}${account.mask ? ` ${account.mask}` : ''}` : t.accountId,
          ),
          csvText(account?.institutionName ?? ''),
          toDecimalString(t.amount, t.currency),
          t.currency,
          t.pending ? 'yes' : 'no',
          csvText(t.user.payee ?? ''),
          csvText(t.user.category ?? ''),
          csvText(t.user.notes ?? ''),
          t.user.excluded ? 'yes' : 'no',
          t.id,
        ]),
      );
    }
    count += page.items.length;
    onProgress(count, Math.max(total, count));
    cursor = page.nextCursor;
  } while (cursor);
  return { csv: parts.join(''), count };
}

/** Hands the text to the browser's (or Electron's) download, as a file the user saves. */
export function downloadText(text: string, filename: string, type = 'text/csv'): void {
  // A byte-order mark tells spreadsheet apps the file is UTF-8 (merchant names are not ASCII).
  const blob = new Blob(['\ufeff', text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
