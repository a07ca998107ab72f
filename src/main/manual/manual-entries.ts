import { LedgerError } from '../../shared/errors';
import type { CreateTransactionResult } from '../../shared/imports';
import type { EditResult } from '../../shared/model';
import type { AccountsRepo } from '../db/accounts-repo';
import { ImportsRepo } from '../db/imports-repo';
import { ManualAccountsRepo } from '../db/manual-accounts-repo';
import type { Database } from '../db/open';
import { OwnRowsRepo } from '../db/own-rows-repo';
import { applyPayeeRules } from '../db/payee-rules';
import { RulesRepo } from '../db/rules-repo';
import type { TransactionsRepo } from '../db/transactions-repo';
import { matchOne } from '../import/match';

export interface ManualEntryInput {
  accountId: string;
  date: string;
  amount: number;
  name: string;
  payee?: string | null;
  category?: string | null;
  notes?: string | null;
  tags?: string[];
  addAnyway?: boolean;
}

/**
 * Transactions the person types in. One typed into an account the bank or a file already feeds
 * is first compared with what is there: the same amount a few days apart is most likely the same
 * money, so nothing is added until the person says it is another transaction. Hand entries never
 * match each other: two coffees typed in on one day are two coffees.
 */
export class ManualEntries {
  private readonly imports: ImportsRepo;
  private readonly ownRows: OwnRowsRepo;
  private readonly manual: ManualAccountsRepo;
  private readonly rules: RulesRepo;

  constructor(
    private readonly db: Database,
    private readonly accounts: AccountsRepo,
    private readonly transactions: TransactionsRepo,
  ) {
    this.imports = new ImportsRepo(db);
    this.ownRows = new OwnRowsRepo(db);
    this.manual = new ManualAccountsRepo(db);
    this.rules = new RulesRepo(db);
  }

  create(input: ManualEntryInput, now: string): CreateTransactionResult {
    const account = this.accounts.get(input.accountId);
    if (!account)
      throw new LedgerError('NOT_FOUND', 'That account is not in your ledger any more.');
    if (account.closedAt) {
      throw new LedgerError(
        'VALIDATION',
        `The account “${account.name}” is closed; reopen it to add transactions to it.`,
      );
    }
    return this.db.transaction((): CreateTransactionResult => {
      if (!input.addAnyway) {
        const candidates = this.imports.candidates(account.id, input.date, input.date, [
          'plaid',
          'file',
        ]);
        const decision = matchOne(
          {
            date: input.date,
            amount: input.amount,
            text: input.payee ?? input.name,
            externalId: null,
          },
          candidates,
        );
        const seqs =
          decision.kind === 'amount-date'
            ? [decision.seq]
            : decision.kind === 'suggested'
              ? decision.candidates
              : [];
        if (seqs.length > 0) {
          return { outcome: 'already-here', matches: this.transactions.bySeqs(seqs) };
        }
      }
      const batchId = this.imports.manualBatch(account.id, now);
      const { seq } = this.ownRows.insert(
        {
          accountId: account.id,
          date: input.date,
          amount: input.amount,
          name: input.name,
          payee: input.payee ?? null,
          category: input.category ?? null,
          notes: input.notes ?? null,
          lockFields: true,
          tags: input.tags,
        },
        'manual',
        batchId,
        now,
      );
      this.ownRows.recordCreated(seq, now);
      applyPayeeRules(this.db, [seq]);
      this.rules.runOnNew([seq], now);
      this.imports.setAdded(batchId, 1);
      this.manual.refreshBalance(account.id, now);
      return { outcome: 'added', transaction: this.transactions.bySeqs([seq])[0]! };
    })();
  }

  edit(
    id: string,
    change: { date?: string; amount?: number; name?: string },
    now: string,
  ): EditResult {
    return this.db.transaction(() => {
      const { result, row } = this.ownRows.edit(id, change, now);
      this.manual.refreshBalance(row.account_id, now);
      return result;
    })();
  }

  delete(ids: readonly string[], now: string): EditResult {
    return this.db.transaction(() => {
      const { result, accounts } = this.ownRows.delete(ids, now);
      for (const accountId of accounts) this.manual.refreshBalance(accountId, now);
      return result;
    })();
  }
}
