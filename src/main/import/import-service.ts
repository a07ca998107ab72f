import { LedgerError } from '../../shared/errors';
import {
  csvMappingSchema,
  type CsvMapping,
  type ImportedRow,
  type ImportFormat,
  type ImportProblem,
} from '../../shared/import-mapping';
import type {
  CsvLayout,
  DateOrder,
  ImportCounts,
  ImportPreview,
  ImportPreviewRow,
  ImportResult,
} from '../../shared/imports';
import type { Account } from '../../shared/model';
import type { AccountsRepo } from '../db/accounts-repo';
import { ImportsRepo } from '../db/imports-repo';
import { ManualAccountsRepo } from '../db/manual-accounts-repo';
import type { Database } from '../db/open';
import { OwnRowsRepo } from '../db/own-rows-repo';
import { RulesRepo } from '../db/rules-repo';
import { currencyExponent } from '../plaid/money';
import { csvLayoutWith, sniffCsv } from './csv';
import { guessDateOrders } from './date-text';
import { detectFormat, parseImportFile } from './index';
import { guessQifDateOrders } from './qif';
import { matchRows, type MatchDecision } from './match';
import { applyPayeeRules } from '../db/payee-rules';

export interface ImportFileInput {
  accountId: string;
  fileName: string;
  /** base64 */
  content: string;
  format?: ImportFormat;
  mapping?: CsvMapping;
  dateOrder?: DateOrder;
  skipUnreadable?: boolean;
}

const PREVIEW_ROWS = 100;
const PREVIEW_PROBLEMS = 50;

const METHOD: Record<ImportFormat, 'CSV' | 'OFX' | 'QIF'> = {
  csv: 'CSV',
  ofx: 'OFX',
  qif: 'QIF',
};

interface Read {
  account: Account;
  format: ImportFormat;
  csv: CsvLayout | null;
  mapping: CsvMapping | null;
  mappingFrom: ImportPreview['mappingFrom'];
  dateOrders: DateOrder[];
  dateOrder: DateOrder | null;
  fileCurrency: string | null;
  rows: ImportedRow[];
  problems: ImportProblem[];
}

/**
 * A bank's file into an account: read it (the parsers), decide row by row whether it is money
 * already here (the matcher), and write what is new as one batch that can be reverted. The
 * preview runs the same steps and writes nothing, so what it shows is what the import does.
 */
export class ImportService {
  private readonly imports: ImportsRepo;
  private readonly ownRows: OwnRowsRepo;
  private readonly manual: ManualAccountsRepo;
  private readonly rules: RulesRepo;

  constructor(
    private readonly db: Database,
    private readonly accounts: AccountsRepo,
  ) {
    this.imports = new ImportsRepo(db);
    this.ownRows = new OwnRowsRepo(db);
    this.manual = new ManualAccountsRepo(db);
    this.rules = new RulesRepo(db);
  }

  preview(input: ImportFileInput): ImportPreview {
    const read = this.read(input, 'preview');
    const decisions = this.decide(read);
    const rows: ImportPreviewRow[] = read.rows.slice(0, PREVIEW_ROWS).map((row, i) => ({
      line: row.line,
      date: row.date,
      amount: row.amount,
      description: row.description,
      payee: row.payee,
      category: row.category,
      notes: row.notes,
      externalId: row.externalId,
      ...outcomeOf(decisions[i]!, (seq) => this.idOf(seq)),
    }));
    return {
      format: read.format,
      csv: read.csv,
      mapping: read.mapping,
      mappingFrom: read.mappingFrom,
      dateOrders: read.dateOrders,
      dateOrder: read.dateOrder,
      fileCurrency: read.fileCurrency,
      rows,
      counts: countsOf(decisions, read.problems.length),
      problems: read.problems.slice(0, PREVIEW_PROBLEMS),
    };
  }

  commit(input: ImportFileInput, now: string): ImportResult {
    const read = this.read(input, 'commit');
    if (read.format === 'csv' && !read.mapping) {
      throw new LedgerError(
        'VALIDATION',
        'Choose which columns hold the date, the description and the amount, then import.',
      );
    }
    if (read.fileCurrency && read.fileCurrency !== read.account.currency) {
      throw new LedgerError(
        'VALIDATION',
        `This file is in ${read.fileCurrency} but the account “${read.account.name}” is in ${read.account.currency}; import it into an account in ${read.fileCurrency}.`,
      );
    }
    if (read.rows.length === 0) {
      throw new LedgerError(
        'VALIDATION',
        read.problems.length > 0
          ? `None of the file’s rows could be read. ${read.problems[0]!.message}`
          : 'The file has no transactions in it.',
      );
    }
    if (read.problems.length > 0 && !input.skipUnreadable) {
      throw new LedgerError(
        'VALIDATION',
        `${plural(read.problems.length, 'row')} of this file cannot be read, so nothing was imported. ${read.problems[0]!.message}`,
      );
    }
    return this.db.transaction((): ImportResult => {
      const decisions = this.decide(read);
      const accountId = read.account.id;
      const batchId = this.imports.createBatch(METHOD[read.format], accountId, input.fileName, now);
      const seqOfRow: number[] = [];
      const fresh: number[] = [];
      read.rows.forEach((row, i) => {
        const decision = decisions[i]!;
        let seq: number;
        if (decision.kind === 'id' || decision.kind === 'amount-date') {
          seq = decision.seq;
          this.imports.link(batchId, seq, 'matched', decision.kind, row.line);
        } else if (decision.kind === 'repeat') {
          seq = seqOfRow[decision.of]!;
          this.imports.link(batchId, seq, 'matched', 'id', row.line);
        } else {
          seq = this.ownRows.insert(
            {
              accountId,
              date: row.date,
              amount: row.amount,
              name: row.description,
              payee: row.payee,
              category: row.category,
              notes: row.notes,
              lockFields: false,
            },
            'file',
            batchId,
            now,
          ).seq;
          fresh.push(seq);
          if (decision.kind === 'suggested') {
            this.imports.link(
              batchId,
              seq,
              'suggested',
              'amount-date',
              row.line,
              decision.candidates,
            );
            this.imports.flagMaybeSame(seq);
          }
        }
        seqOfRow[i] = seq;
        if (row.externalId !== null) {
          this.imports.recordExternalId(accountId, row.externalId, seq, batchId);
        }
      });
      applyPayeeRules(this.db, fresh);
      // The person's rules see every imported row before anyone does, as they do a synced row.
      this.rules.runOnNew(fresh, now);
      this.imports.setAdded(batchId, fresh.length);
      if (read.mapping) this.imports.saveMapping(accountId, read.mapping);
      this.manual.refreshBalance(accountId, now);
      return { batchId, ...countsOf(decisions, read.problems.length) };
    })();
  }

  revert(batchId: number, now: string): { removed: number } {
    return this.db.transaction(() => {
      const batch = this.imports.batchInfo(batchId);
      if (!batch) throw new LedgerError('NOT_FOUND', 'That import is not in your ledger.');
      if (batch.method === 'PLAID' || batch.method === 'MANUAL' || !batch.accountId) {
        throw new LedgerError(
          'VALIDATION',
          'Only a file import can be reverted; delete rows you typed in one by one instead.',
        );
      }
      if (batch.revertedAt) {
        throw new LedgerError('CONFLICT', 'This import was already reverted.');
      }
      const removed = this.imports.revert(batchId, now);
      this.manual.refreshBalance(batch.accountId, now);
      return { removed };
    })();
  }

  private read(input: ImportFileInput, purpose: 'preview' | 'commit'): Read {
    const account = this.accounts.get(input.accountId);
    if (!account)
      throw new LedgerError('NOT_FOUND', 'That account is not in your ledger any more.');
    if (account.closedAt) {
      throw new LedgerError(
        'VALIDATION',
        `The account “${account.name}” is closed; reopen it to import into it.`,
      );
    }
    const bytes = new Uint8Array(Buffer.from(input.content, 'base64'));
    if (bytes.length === 0) throw new LedgerError('VALIDATION', 'The file is empty.');
    const format = input.format ?? detectFormat(input.fileName, bytes);
    if (!format) {
      throw new LedgerError(
        'VALIDATION',
        'Ledgerlight reads CSV, OFX, QFX and QIF files, and this file is none of those.',
      );
    }
    const exponent = currencyExponent(account.currency) ?? 2;
    const base = {
      account,
      format,
      csv: null,
      mapping: null,
      mappingFrom: null,
      dateOrders: [],
      dateOrder: null,
      fileCurrency: null,
    };
    if (format === 'csv') return { ...base, ...this.readCsv(input, bytes, exponent, purpose) };
    if (format === 'qif') {
      const dateOrders = guessQifDateOrders(bytes);
      const dateOrder = input.dateOrder ?? preferredOrder(dateOrders);
      const parsed = parseImportFile({ format, bytes, dateOrder, exponent });
      return { ...base, dateOrders, dateOrder, rows: parsed.rows, problems: parsed.problems };
    }
    const parsed = parseImportFile({ format, bytes, exponent });
    const fileCurrency =
      parsed.currency && parsed.currency !== account.currency ? parsed.currency : null;
    return { ...base, fileCurrency, rows: parsed.rows, problems: parsed.problems };
  }

  /**
   * A CSV read with the mapping given, else the one remembered for the account, else a guess.
   * The layout (header and first rows) is what the preview's mapping step shows; the commit,
   * which has a mapping, skips it rather than read the file twice.
   */
  private readCsv(
    input: ImportFileInput,
    bytes: Uint8Array,
    exponent: number,
    purpose: 'preview' | 'commit',
  ): Pick<
    Read,
    'csv' | 'mapping' | 'mappingFrom' | 'dateOrders' | 'dateOrder' | 'rows' | 'problems'
  > {
    if (input.mapping) {
      const layout =
        purpose === 'preview'
          ? csvLayoutWith(bytes, input.mapping)
          : { header: null, sample: [], rowCount: 0 };
      return this.readWith(input, bytes, exponent, input.mapping, 'given', {
        encoding: input.mapping.encoding,
        delimiter: input.mapping.delimiter,
        skipLines: input.mapping.skipLines,
        hasHeader: input.mapping.hasHeader,
        ...layout,
      });
    }
    const sniff = sniffCsv(bytes, exponent);
    const csv: CsvLayout = {
      encoding: sniff.encoding,
      delimiter: sniff.delimiter,
      skipLines: sniff.skipLines,
      hasHeader: sniff.hasHeader,
      header: sniff.header,
      sample: sniff.sample,
      rowCount: sniff.rowCount,
    };
    const saved = csvMappingSchema.safeParse(this.imports.savedMapping(input.accountId));
    if (saved.success && fitsLayout(saved.data, sniff.header, sniff.sample)) {
      return this.readWith(input, bytes, exponent, saved.data, 'saved', csv);
    }
    if (sniff.suggested) {
      return this.readWith(input, bytes, exponent, sniff.suggested, 'guessed', csv);
    }
    return {
      csv,
      mapping: null,
      mappingFrom: null,
      dateOrders: sniff.dateOrders,
      dateOrder: null,
      rows: [],
      problems: sniff.problems,
    };
  }

  private readWith(
    input: ImportFileInput,
    bytes: Uint8Array,
    exponent: number,
    chosen: CsvMapping,
    from: 'given' | 'saved' | 'guessed',
    csv: CsvLayout,
  ): Pick<
    Read,
    'csv' | 'mapping' | 'mappingFrom' | 'dateOrders' | 'dateOrder' | 'rows' | 'problems'
  > {
    const dates = csv.sample
      .map((cells) => cells[chosen.columns.date] ?? '')
      .filter((cell) => cell.trim() !== '');
    const dateOrders = dates.length > 0 ? guessDateOrders(dates) : [chosen.dateOrder];
    // A guess takes the likeliest order the dates allow; a mapping the person chose keeps theirs
    // unless this file's dates cannot be read that way.
    const dateOrder =
      input.dateOrder ??
      (from === 'guessed' || !dateOrders.includes(chosen.dateOrder)
        ? (preferredOrder(dateOrders) ?? chosen.dateOrder)
        : chosen.dateOrder);
    const mapping: CsvMapping = { ...chosen, dateOrder };
    const parsed = parseImportFile({ format: 'csv', bytes, mapping, exponent });
    return {
      csv: csv.header === null && csv.sample.length === 0 && from === 'given' ? null : csv,
      mapping,
      mappingFrom: from,
      dateOrders,
      dateOrder,
      rows: parsed.rows,
      problems: parsed.problems,
    };
  }

  private decide(read: Read): MatchDecision[] {
    if (read.rows.length === 0) return [];
    let from = read.rows[0]!.date;
    let to = from;
    for (const row of read.rows) {
      if (row.date < from) from = row.date;
      if (row.date > to) to = row.date;
    }
    return matchRows(
      read.rows.map((row) => ({
        date: row.date,
        amount: row.amount,
        text: row.payee ?? row.description,
        externalId: row.externalId,
      })),
      this.imports.candidates(read.account.id, from, to),
      this.imports.knownIds(read.account.id),
    );
  }

  private idOf(seq: number): string | null {
    return (
      this.db
        .prepare<[number], { id: string }>('SELECT id FROM transactions WHERE seq = ?')
        .get(seq)?.id ?? null
    );
  }
}

function outcomeOf(
  decision: MatchDecision,
  idOf: (seq: number) => string | null,
): Pick<ImportPreviewRow, 'outcome' | 'matchedId'> {
  switch (decision.kind) {
    case 'id':
    case 'amount-date':
      return { outcome: 'matched', matchedId: idOf(decision.seq) };
    case 'repeat':
      return { outcome: 'matched', matchedId: null };
    case 'suggested':
      return { outcome: 'suggested', matchedId: idOf(decision.candidates[0]!) };
    case 'new':
      return { outcome: 'new', matchedId: null };
  }
}

function countsOf(decisions: readonly MatchDecision[], problems: number): ImportCounts {
  const counts: ImportCounts = {
    rows: decisions.length,
    new: 0,
    matched: 0,
    suggested: 0,
    problems,
  };
  for (const d of decisions) {
    if (d.kind === 'new') counts.new++;
    else if (d.kind === 'suggested') counts.suggested++;
    else counts.matched++;
  }
  return counts;
}

/** With no way to tell, a file's dates are read as its region most likely writes them. */
function preferredOrder(orders: readonly DateOrder[]): DateOrder | null {
  if (orders.length === 0) return null;
  return orders.includes('MDY') ? 'MDY' : orders[0]!;
}

/** A remembered mapping still fits a file whose columns it names. */
function fitsLayout(mapping: CsvMapping, header: string[] | null, sample: string[][]): boolean {
  const width = Math.max(header?.length ?? 0, ...sample.map((cells) => cells.length));
  return Object.values(mapping.columns).every(
    (column) => column === null || column === undefined || column < width,
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
