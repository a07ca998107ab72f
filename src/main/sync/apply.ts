import type { AccountBase, RemovedTransaction, Transaction as PlaidTransaction } from 'plaid';
import { RulesRepo } from '../db/rules-repo';
import { convertAccount, convertTransaction } from '../plaid/convert';
import { zeroCounts, type RunCounts, type SyncStore } from '../db/sync-store';

/**
 * A run's `/transactions/sync` pages, read one at a time: they are staged on disk as they arrive
 * (`db/sync-stage-repo.ts`), so the apply never holds more than one page of rows.
 */
export interface RunPages {
  count: number;
  /** Page `pageNo`'s (from 1) added and modified rows. */
  changes(pageNo: number): { added: PlaidTransaction[]; modified: PlaidTransaction[] };
  removals(pageNo: number): RemovedTransaction[];
  /** Every page's accounts, in page order. */
  accounts(): AccountBase[];
  /** The ids of every page's removals. */
  removedIds(): ReadonlySet<string>;
  /** Drops the pages; called inside the apply's transaction, so they go when its rows land. */
  discard(): void;
}

export interface ApplyInput {
  connectionId: string;
  runId: number;
  pages: RunPages;
  /** The cursor after the last page; saved in the same transaction as the rows. */
  nextCursor: string | null;
  /** Accounts with balances from /accounts/get or /accounts/balance/get. */
  balances: AccountBase[];
  /**
   * The pages are Plaid's whole history from no cursor: every row of the Item's accounts that
   * they do not name is gone at the bank and is marked removed.
   */
  fullResync?: boolean;
  now: string;
  today: string;
}

export interface ApplyResult {
  counts: RunCounts;
  batchId: number | null;
}

/**
 * Applies a whole run in one SQLite transaction: accounts and balances, every page's added and
 * modified rows in order, then every page's removals (so a pending → posted pair lands right
 * whichever pages carry it), the search index of the new rows, the new cursor, and the staged
 * pages' removal. A crash before the commit leaves the previous cursor, rows and stage; the next
 * run continues or replays from there to the same result.
 */
export function applySyncResult(
  store: SyncStore,
  input: ApplyInput,
  /** Runs inside the same transaction, so the run's record commits with its rows or not at all. */
  finish: (result: ApplyResult) => void = () => undefined,
): ApplyResult {
  return store.db.transaction((): ApplyResult => {
    const { connectionId, runId, now } = input;
    const counts = zeroCounts();
    const quarantine = (entry: Parameters<SyncStore['quarantine']>[2]) => {
      counts.quarantined++;
      store.quarantine(connectionId, runId, entry, now);
    };

    // New rows are indexed for search in one statement at the end, not one trigger call each.
    store.deferSearchIndex();
    const withBalances = new Set(input.balances.map((a) => a.account_id));
    const pageAccounts = input.pages.accounts().filter((a) => !withBalances.has(a.account_id));
    for (const [raw, balances] of [
      ...input.balances.map((a) => [a, true] as const),
      ...dedupe(pageAccounts).map((a) => [a, false] as const),
    ]) {
      const account = convertAccount(raw);
      if (!account.ok) {
        quarantine({
          kind: 'account',
          plaidId: idOf(raw, 'account_id'),
          reason: account.reason,
          payload: raw,
        });
        continue;
      }
      if (!store.saveAccount(connectionId, account.row, balances, now)) {
        quarantine({
          kind: 'account',
          plaidId: account.row.id,
          reason: 'account belongs to another connection',
          payload: raw,
        });
        continue;
      }
      if (balances) store.snapshotBalance(account.row, input.today);
    }

    // The Item's account list is complete: an account it no longer has was left out in Link.
    const closed =
      input.balances.length > 0
        ? new Set([
            ...store.closedAccountIds(connectionId),
            ...store.closeAccountsNotIn(connectionId, withBalances, now),
          ])
        : store.closedAccountIds(connectionId);

    // A run that failed before its commit may have left seqs behind; they were rolled back.
    store.takeFresh();
    const known = store.accountIds(connectionId);
    const batchId = store.createBatch(connectionId, runId, now);
    const save = (
      raw: PlaidTransaction,
      kind: 'added' | 'modified',
      removedIds: ReadonlySet<string>,
    ) => {
      const converted = convertTransaction(raw);
      if (!converted.ok) {
        return quarantine({
          kind: 'transaction',
          plaidId: idOf(raw, 'transaction_id'),
          reason: converted.reason,
          payload: raw,
        });
      }
      if (!known.has(converted.row.accountId)) {
        return quarantine({
          kind: 'transaction',
          plaidId: converted.row.id,
          reason: `unknown account ${converted.row.accountId}`,
          payload: raw,
        });
      }
      const outcome = store.saveTransaction(connectionId, converted.row, batchId, now, removedIds);
      const seq = input.fullResync ? store.seqFor(converted.row.id) : null;
      if (seq !== null) seen.add(seq);
      if (outcome === 'duplicate') counts.duplicatesSkipped++;
      // A resync sends every row as added; one this ledger had is an update.
      else if (input.fullResync) counts[outcome === 'inserted' ? 'added' : 'modified']++;
      else counts[kind]++;
    };

    // Every add and change of the whole update first, then every removal: a posted row takes its
    // pending twin over before the twin's removal is read, whichever pages carried the two.
    const seen = new Set<number>();
    const removedIds = input.pages.removedIds();
    for (let pageNo = 1; pageNo <= input.pages.count; pageNo++) {
      const page = input.pages.changes(pageNo);
      for (const raw of page.added) save(raw, 'added', removedIds);
      for (const raw of page.modified) save(raw, 'modified', removedIds);
    }
    for (let pageNo = 1; pageNo <= input.pages.count; pageNo++) {
      for (const removal of input.pages.removals(pageNo)) {
        const id = idOf(removal, 'transaction_id');
        if (!id) {
          quarantine({
            kind: 'removal',
            plaidId: null,
            reason: 'removal without a transaction_id',
            payload: removal,
          });
        } else if (closed.has(store.accountOf(id) ?? '')) {
          // A closed account's history stays whatever Plaid says about it now.
          counts.duplicatesSkipped++;
        } else if (store.removeTransaction(id, now)) {
          counts.removed++;
        } else {
          // Already removed (a replay) or never seen.
          counts.duplicatesSkipped++;
        }
      }
    }

    if (input.fullResync) {
      const open = new Set([...withBalances].filter((id) => !closed.has(id)));
      counts.removed += store.removeUnseen(connectionId, open, seen, now);
    }

    // The person's rules see every new row before it is committed, so no one sees it unruled.
    new RulesRepo(store.db).runOnNew(store.takeFresh(), now);
    store.finishSearchIndex();
    if (input.nextCursor) store.saveCursor(connectionId, input.nextCursor);
    input.pages.discard();
    const changed = counts.added + counts.modified + counts.removed;
    if (changed === 0) store.deleteBatch(batchId);
    else store.finishBatch(batchId, counts);
    const result = { counts, batchId: changed === 0 ? null : batchId };
    finish(result);
    return result;
  })();
}

function idOf(value: unknown, key: string): string | null {
  const id = (value as Record<string, unknown> | null)?.[key];
  return typeof id === 'string' ? id : null;
}

function dedupe(accounts: AccountBase[]): AccountBase[] {
  return [...new Map(accounts.map((a) => [a.account_id, a])).values()];
}
