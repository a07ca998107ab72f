import type {
  RemovedTransaction,
  TransactionsRefreshRequest,
  TransactionsRefreshResponse,
  TransactionsSyncRequest,
  TransactionsSyncResponse,
} from 'plaid';
import type { WireTransaction } from '../data/timeline';
import { PlaidApiError } from '../errors';
import type { EmulatedItem } from '../items';
import type { EmulatorState } from '../state';
import { CursorCodec, type CursorPosition } from '../sync-log';
import type { Wire } from '../wire';
import { f } from '../validate';
import { addProduct, usableItem } from './guards';
import { requireProduct } from './product-access';
import { plaidRoute } from './route';

const DEFAULT_COUNT = 100;

function readCursor(
  state: EmulatorState,
  item: EmulatedItem,
  cursor: string,
  stream: string,
): CursorPosition {
  const position = state.cursors.decode(item.itemId, cursor);
  if (!position) throw new PlaidApiError('INVALID_FIELD', 'cursor is not valid for this Item');
  if (position.stream !== stream) {
    throw new PlaidApiError(
      'INVALID_FIELD',
      'cursor belongs to a different options.account_id stream; start again with an empty cursor',
    );
  }
  return position;
}

/**
 * /transactions/sync paged the way Plaid pages it (PLAID-NOTES §2.2, §4): the cursor names a
 * position in the Item's change log; a page is a slice of the net updates since that position;
 * and a change to the log while a client is between pages is reported, not papered over.
 */
export const transactionsSync = plaidRoute<TransactionsSyncRequest, TransactionsSyncResponse>({
  path: '/transactions/sync',
  fields: {
    access_token: f.reqStr(),
    cursor: f.str({ nullable: true }),
    count: { kind: 'integer', nullable: true, min: 1, max: 500 },
    options: f.obj({
      include_original_description: f.bool(),
      include_personal_finance_category: f.bool(),
      include_logo_and_counterparty_beta: f.bool(),
      personal_finance_category_version: f.str({ oneOf: ['v1', 'v2'] }),
      days_requested: f.int(1, 730),
      account_id: f.str(),
    }),
  },
  midPagination: ({ body, state }) => {
    const item = state.peekItem(body.access_token);
    if (!item || !body.cursor || body.cursor === 'now') return false;
    const position = state.cursors.decode(item.itemId, body.cursor);
    return position !== null && position.offset > 0;
  },
  handle: ({ body, state, requestId }) => {
    const item = usableItem(state, body.access_token);
    addProduct(item, 'transactions');
    const count = body.count ?? DEFAULT_COUNT;
    const accountId = body.options?.account_id ?? null;
    if (accountId !== null) {
      const account = item.accountById(accountId);
      if (!account || !item.transactionAccounts().includes(account))
        throw new PlaidApiError('INVALID_ACCOUNT_ID');
    }
    const stream = CursorCodec.streamTag(accountId);
    const cursor = body.cursor ?? '';

    if (!item.isReady(state.clock.nowMs())) {
      // Before the first pull Plaid answers with nothing rather than an error.
      return {
        transactions_update_status: 'NOT_READY',
        accounts: [],
        added: [],
        modified: [],
        removed: [],
        next_cursor: cursor === 'now' ? '' : cursor,
        has_more: false,
        request_id: requestId,
      };
    }

    const accounts = item
      .accountViews({ lastUpdated: null })
      .filter((a) => item.transactionAccounts().some((t) => t.accountId === a.account_id))
      .filter((a) => accountId === null || a.account_id === accountId);
    const head = item.log.head;
    const atRest = (position: number) =>
      state.cursors.encode(item.itemId, { from: position, head: position, offset: 0, stream });

    if (cursor === 'now') {
      return {
        transactions_update_status: 'HISTORICAL_UPDATE_COMPLETE',
        accounts,
        added: [],
        modified: [],
        removed: [],
        next_cursor: atRest(head),
        has_more: false,
        request_id: requestId,
      };
    }

    const position: CursorPosition =
      cursor === ''
        ? { from: 0, head, offset: 0, stream }
        : readCursor(state, item, cursor, stream);
    if (position.offset > 0 && position.head !== head) {
      throw new PlaidApiError('TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION');
    }
    const pinnedHead = position.offset > 0 ? position.head : head;
    const updates = item.log.updatesSince(position.from, accountId);
    const page = updates.slice(position.offset, position.offset + count);
    const hasMore = position.offset + count < updates.length;

    const added: WireTransaction[] = [];
    const modified: WireTransaction[] = [];
    const removed: Array<Wire<RemovedTransaction>> = [];
    const includeOriginal = body.options?.include_original_description === true;
    for (const change of page) {
      if (change.kind === 'removed') {
        removed.push({ transaction_id: change.id, account_id: change.accountId });
        continue;
      }
      const wire = item.wireTransaction(change.id, includeOriginal);
      if (!wire) throw new Error(`change log names ${change.id}, which is not visible`);
      (change.kind === 'added' ? added : modified).push(wire);
    }

    if (!hasMore && item.breakLoginAfterFirstSync) {
      item.breakLoginAfterFirstSync = false;
      item.error = new PlaidApiError('ITEM_LOGIN_REQUIRED');
    }
    return {
      transactions_update_status: 'HISTORICAL_UPDATE_COMPLETE',
      accounts,
      added,
      modified,
      removed,
      next_cursor: hasMore
        ? state.cursors.encode(item.itemId, {
            from: position.from,
            head: pinnedHead,
            offset: position.offset + count,
            stream,
          })
        : atRest(pinnedHead),
      has_more: hasMore,
      request_id: requestId,
    };
  },
});

/** Forces a check for new data; a user_transactions_dynamic Item moves on a day when it does. */
export const transactionsRefresh = plaidRoute<
  TransactionsRefreshRequest,
  TransactionsRefreshResponse
>({
  path: '/transactions/refresh',
  fields: { access_token: f.reqStr() },
  handle: ({ body, state, requestId }) => {
    const item = usableItem(state, body.access_token);
    requireProduct(state, item, 'transactions_refresh');
    addProduct(item, 'transactions');
    if (item.username === 'user_transactions_dynamic') item.advance(1, state.clock.nowMs());
    item.lastSuccessfulUpdate = state.clock.nowIso();
    return { request_id: requestId };
  },
});
