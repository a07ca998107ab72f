import type { PlaidApi, TransactionsSyncResponse } from 'plaid';
import type { SyncTrigger } from '../../shared/contract';
import type { ConnectionStatus } from '../../shared/model';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { redact } from '../log';
import { transactionsJson } from '../plaid/convert';
import { expectObject, fromPlaidErrorBody, PlaidFailure, toPlaidFailure } from '../plaid/errors';
import { withRetry, type RetryDeps, type RetryPolicy } from '../plaid/retry';
import { applySyncResult, type RunPages } from './apply';
import { saveHoldings, saveLiabilities } from '../db/portfolio-repo';
import {
  fetchInvestmentTransactions,
  fetchRecurringStreams,
  type ProductFetch,
  type SaveFetched,
} from '../portfolio/product-fetch';
import type { RunCounts, SyncStore } from '../db/sync-store';
import type { PageToStage, StageKey, SyncStageRepo } from '../db/sync-stage-repo';
import { Products } from '../plaid/sdk-values';

/** Plaid's maximum page size: fewer pages, fewer chances of a mutation mid-pagination. */
export const SYNC_PAGE_SIZE = 500;
/** How often a run starts its cursor loop over after TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION. */
export const MAX_LOOP_RESTARTS = 3;

export interface RunContext {
  api: PlaidApi;
  accessToken: string;
  store: SyncStore;
  events: EventBus;
  log: Logger;
  clock: Clock;
  retry: { policy: RetryPolicy; deps: RetryDeps };
  signal: AbortSignal;
  /** Every Plaid request id the run receives is pushed here, in call order. */
  requestIds?: string[];
  /** Records the run's success; called inside the transaction that applies its rows. */
  commit(result: {
    counts: RunCounts;
    pages: number;
    resumedPages: number;
    dataReady: boolean;
  }): void;
}

export interface RunRequest {
  connectionId: string;
  runId: number;
  trigger: SyncTrigger;
}

export type RunOutcome =
  | {
      kind: 'succeeded';
      counts: RunCounts;
      pages: number;
      /** Pages an earlier, interrupted run had staged, which this run did not fetch again. */
      resumedPages: number;
      dataReady: boolean;
    }
  | { kind: 'failed'; failure: RunFailure };

export interface RunFailure {
  code: string;
  message: string;
  retryable: boolean;
  /** The connection's new status, when the failure says something about the Item. */
  status: ConnectionStatus | null;
  requestId: string | null;
}

/**
 * One sync of one connection: the Item's state, the cursor loop (each page staged on disk as it
 * arrives), balances, and then everything applied together. Nothing is written to the ledger
 * until every page has arrived.
 */
export async function performRun(ctx: RunContext, request: RunRequest): Promise<RunOutcome> {
  const { connectionId, runId, trigger } = request;
  const started = ctx.clock.now();
  try {
    const call = <T>(fn: () => Promise<{ data: T }>) =>
      withRetry(
        async () => {
          if (ctx.signal.aborted)
            throw new PlaidFailure('request', 'CANCELLED', 'The sync was stopped.');
          const data = expectObject((await fn()).data);
          const requestId = (data as { request_id?: unknown }).request_id;
          if (typeof requestId === 'string') ctx.requestIds?.push(requestId);
          return data;
        },
        ctx.retry.policy,
        ctx.retry.deps,
      );

    // The app has no webhooks, so each run asks for the Item's health and consent itself.
    const item = await call(() => ctx.api.itemGet({ access_token: ctx.accessToken }));
    const products = [...(item.item.billed_products ?? []), ...(item.item.products ?? [])].map(
      String,
    );
    ctx.store.recordItemState(
      connectionId,
      {
        consentExpiresAt: item.item.consent_expiration_time ?? null,
        products: [...new Set(products)],
      },
      ctx.clock.now().toISOString(),
    );
    if (item.item.error) {
      throw fromPlaidErrorBody({ ...item.item.error, request_id: item.request_id }, 400);
    }

    if (trigger === 'manual' && products.includes(Products.Transactions)) {
      // Best effort: asks Plaid to look for new data now; the sync below does not depend on it.
      await call(() => ctx.api.transactionsRefresh({ access_token: ctx.accessToken })).catch(
        (error: unknown) =>
          ctx.log.warn('refresh skipped', { connectionId, code: toPlaidFailure(error).code }),
      );
    }

    const loop = await cursorLoop(ctx, request, call);
    const balances =
      trigger === 'manual'
        ? await call(() => ctx.api.accountsBalanceGet({ access_token: ctx.accessToken })).catch(
            () => call(() => ctx.api.accountsGet({ access_token: ctx.accessToken })),
          )
        : await call(() => ctx.api.accountsGet({ access_token: ctx.accessToken }));

    const fetched = await fetchOtherProducts(ctx, request, products, loop.dataReady, call);
    if (ctx.signal.aborted) throw new PlaidFailure('request', 'CANCELLED', 'The sync was stopped.');
    const now = ctx.clock.now();
    const applied = applySyncResult(
      ctx.store,
      {
        connectionId,
        runId,
        pages: stagedPages(ctx.store.stage, connectionId, loop.pages),
        nextCursor: loop.nextCursor,
        balances: balances.accounts,
        // A full resync saw everything Plaid has, so what it did not see is gone at the bank.
        fullResync: trigger === 'resync' && loop.dataReady,
        now: now.toISOString(),
        today: now.toISOString().slice(0, 10),
      },
      (result) =>
        ctx.commit({
          counts: result.counts,
          pages: loop.pages,
          resumedPages: loop.resumedPages,
          dataReady: loop.dataReady,
        }),
    );

    for (const save of fetched) {
      try {
        save();
      } catch (error) {
        ctx.log.warn('recurring or investment activity not stored', {
          connectionId,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (products.includes(Products.Investments)) {
      await call(() => ctx.api.investmentsHoldingsGet({ access_token: ctx.accessToken }))
        .then((holdings) =>
          saveHoldings(ctx.store, connectionId, runId, holdings, ctx.clock.now().toISOString()),
        )
        .catch((error: unknown) =>
          ctx.log.warn('holdings skipped', { connectionId, code: toPlaidFailure(error).code }),
        );
    }
    if (products.includes(Products.Liabilities)) {
      await call(() => ctx.api.liabilitiesGet({ access_token: ctx.accessToken }))
        .then((liabilities) =>
          saveLiabilities(
            ctx.store,
            connectionId,
            runId,
            liabilities,
            ctx.clock.now().toISOString(),
          ),
        )
        .catch((error: unknown) =>
          ctx.log.warn('liabilities skipped', { connectionId, code: toPlaidFailure(error).code }),
        );
    }

    return {
      kind: 'succeeded',
      counts: applied.counts,
      pages: loop.pages,
      resumedPages: loop.resumedPages,
      dataReady: loop.dataReady,
    };
  } catch (error) {
    const failure = toPlaidFailure(error);
    ctx.log.warn('sync failed', {
      connectionId,
      runId,
      code: failure.code,
      kind: failure.kind,
      requestId: failure.details.requestId,
      ms: ctx.clock.now().getTime() - started.getTime(),
    });
    return { kind: 'failed', failure: describeFailure(failure) };
  }
}

/**
 * Recurring streams and investment activity, asked for before the run commits (so the run is not
 * reported done while Plaid is still being asked) and stored after its rows. Best effort, like
 * holdings and liabilities: a refusal is logged and the last answer kept.
 */
async function fetchOtherProducts(
  ctx: RunContext,
  { connectionId, runId }: RunRequest,
  products: readonly string[],
  dataReady: boolean,
  call: <T>(fn: () => Promise<{ data: T }>) => Promise<T>,
): Promise<SaveFetched[]> {
  const p: ProductFetch = {
    api: ctx.api,
    accessToken: ctx.accessToken,
    store: ctx.store,
    connectionId,
    runId,
    today: ctx.clock.now().toISOString().slice(0, 10),
    now: () => ctx.clock.now().toISOString(),
    call,
  };
  const skipped = (what: string) => (error: unknown) => {
    ctx.log.warn(`${what} skipped`, { connectionId, code: toPlaidFailure(error).code });
    return null;
  };
  const saves = [
    products.includes(Products.Transactions) && dataReady
      ? await fetchRecurringStreams(p).catch(skipped('recurring streams'))
      : null,
    products.includes(Products.Investments)
      ? await fetchInvestmentTransactions(p).catch(skipped('investment transactions'))
      : null,
  ];
  return saves.filter((save): save is SaveFetched => save !== null);
}

interface LoopResult {
  /** How many pages are staged for the apply, resumed ones included. */
  pages: number;
  /** How many of them an earlier run had staged. */
  resumedPages: number;
  nextCursor: string | null;
  dataReady: boolean;
}

/**
 * Pages /transactions/sync until has_more is false, staging each page on disk as it arrives.
 *
 * A run that begins where an interrupted one began (the same start cursor, nothing committed
 * since, resync or not alike) continues from that run's last staged page instead of fetching its
 * pages again. If Plaid will not continue it (the Item changed meanwhile, or it refuses the
 * staged cursor), the stage is dropped and the run begins again from its own first cursor.
 *
 * If any page fails with a mutation during pagination, the whole loop starts again from the cursor
 * the run began with (retrying one page would only repeat the error), with an empty stage; other
 * failures end the run with nothing applied and the stage kept for the next run.
 */
async function cursorLoop(
  ctx: RunContext,
  { connectionId, runId, trigger }: RunRequest,
  call: <T>(fn: () => Promise<{ data: T }>) => Promise<T>,
): Promise<LoopResult> {
  const stage = ctx.store.stage;
  const saved = ctx.store.cursor(connectionId);
  // A full resync starts from no cursor, which also revives a connection whose cursor broke.
  const key: StageKey = {
    startCursor: trigger === 'resync' ? null : saved,
    baseCursor: saved,
    fullResync: trigger === 'resync',
  };
  let resumed = stage.resumable(connectionId, key);
  for (let attempt = 0; ;) {
    const resumedPages = resumed?.pages ?? 0;
    let pageNo = resumedPages;
    let fetched = 0;
    let cursor = resumed ? resumed.nextCursor || key.startCursor : key.startCursor;
    let totals = resumed?.totals ?? { added: 0, modified: 0, removed: 0 };
    const accountsSeen = new Set(resumed?.accountIds ?? []);
    const progress = () =>
      ctx.events.emit('sync.progress', {
        connectionId,
        runId,
        ...totals,
        accountsSynced: accountsSeen.size,
        page: pageNo,
        resumedPages,
      });
    if (resumed) {
      ctx.log.info('sync continues from staged pages', { connectionId, runId, resumedPages });
      progress();
    }
    try {
      let response: TransactionsSyncResponse;
      do {
        response = await call(() =>
          ctx.api.transactionsSync({
            access_token: ctx.accessToken,
            count: SYNC_PAGE_SIZE,
            ...(cursor ? { cursor } : {}),
          }),
        );
        fetched++;
        pageNo++;
        const added = response.added ?? [];
        const modified = response.modified ?? [];
        const removed = response.removed ?? [];
        const accounts = response.accounts ?? [];
        const page: PageToStage = {
          counts: { added: added.length, modified: modified.length, removed: removed.length },
          added: transactionsJson(added),
          modified: transactionsJson(modified),
          removed: JSON.stringify(removed),
          accounts: JSON.stringify(accounts),
          nextCursor: response.next_cursor ?? '',
          hasMore: response.has_more === true,
        };
        stage.stage(connectionId, key, runId, pageNo, page, ctx.clock.now().toISOString());
        totals = {
          added: totals.added + added.length,
          modified: totals.modified + modified.length,
          removed: totals.removed + removed.length,
        };
        for (const account of accounts) accountsSeen.add(account.account_id);
        progress();
        cursor = response.next_cursor || cursor;
      } while (response.has_more);
      // A fresh Item answers with no data and an empty cursor: not an error, just not yet.
      const dataReady = !(
        response.next_cursor === '' && response.transactions_update_status === 'NOT_READY'
      );
      return { pages: pageNo, resumedPages, nextCursor: response.next_cursor || null, dataReady };
    } catch (error) {
      const failure = toPlaidFailure(error);
      if (
        resumed &&
        fetched === 0 &&
        (failure.kind === 'mutation' || failure.code === 'INVALID_FIELD')
      ) {
        // Plaid will not continue the staged pagination: this run begins from its own start.
        ctx.log.info('staged pages dropped: Plaid would not continue them', {
          connectionId,
          runId,
          code: failure.code,
        });
        stage.clear(connectionId);
        resumed = null;
        continue;
      }
      if (key.startCursor && failure.code === 'INVALID_FIELD' && pageNo === 0) {
        // Plaid refuses the saved cursor itself: only a full resync can start it again.
        throw new PlaidFailure('request', CURSOR_REFUSED, CURSOR_REFUSED_SENTENCE, {
          ...failure.details,
          displayMessage: null,
        });
      }
      // Anything else keeps the stage: the next run continues from its last page. A mutation's
      // pages can never be continued, so they go.
      if (failure.kind !== 'mutation') throw failure;
      stage.clear(connectionId);
      resumed = null;
      if (attempt >= MAX_LOOP_RESTARTS) throw failure;
      attempt++;
      ctx.log.info('sync loop restarted after a mutation during pagination', {
        connectionId,
        runId,
        attempt,
      });
    }
  }
}

/** The staged pages of a run, for the apply to read one at a time. */
function stagedPages(stage: SyncStageRepo, connectionId: string, count: number): RunPages {
  return {
    count,
    changes: (pageNo) => stage.changes(connectionId, pageNo),
    removals: (pageNo) => stage.removals(connectionId, pageNo),
    accounts: () => stage.accounts(connectionId),
    removedIds: () => stage.removedIds(connectionId),
    discard: () => stage.clear(connectionId),
  };
}

/** The run's error code when Plaid refuses the saved cursor. */
export const CURSOR_REFUSED = 'SYNC_CURSOR_INVALID';
const CURSOR_REFUSED_SENTENCE =
  'Plaid no longer accepts the point where this connection last synced. Use Full resync to read its history again from the start; your edits stay.';

function describeFailure(failure: PlaidFailure): RunFailure {
  const status: ConnectionStatus | null =
    failure.code === CURSOR_REFUSED
      ? 'ERROR'
      : failure.kind === 'login-required'
        ? 'LOGIN_REQUIRED'
        : failure.kind === 'item-gone' || failure.kind === 'item-error'
          ? 'ERROR'
          : null;
  return {
    code: failure.code,
    message: String(redact(failure.details.displayMessage || failure.message)),
    retryable: failure.retryable || failure.kind === 'mutation',
    status,
    requestId: failure.details.requestId ?? null,
  };
}
