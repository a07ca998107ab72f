import { accountsBalanceGet, accountsGet } from './accounts';
import { institutionsGetById } from './institutions';
import { investmentsHoldingsGet, investmentsTransactionsGet } from './investments';
import { itemGet, itemPublicTokenExchange, itemRemove } from './item';
import { liabilitiesGet } from './liabilities';
import { linkTokenCreate, linkTokenGet } from './link-token';
import { linkUiCredentials, linkUiExit, linkUiFinish, linkUiOAuth, linkUiStart } from './link-ui';
import { transactionsRecurringGet } from './recurring';
import type { ApiRoute } from './route';
import {
  sandboxItemResetLogin,
  sandboxPublicTokenCreate,
  sandboxTransactionsCreate,
} from './sandbox';
import { transactionsRefresh, transactionsSync } from './transactions';

const ROUTES: ApiRoute[] = [
  linkTokenCreate,
  linkTokenGet,
  itemPublicTokenExchange,
  itemGet,
  itemRemove,
  sandboxPublicTokenCreate,
  sandboxItemResetLogin,
  sandboxTransactionsCreate,
  institutionsGetById,
  accountsGet,
  accountsBalanceGet,
  transactionsSync,
  transactionsRefresh,
  transactionsRecurringGet,
  investmentsHoldingsGet,
  investmentsTransactionsGet,
  liabilitiesGet,
  linkUiStart,
  linkUiCredentials,
  linkUiOAuth,
  linkUiFinish,
  linkUiExit,
];

export const ROUTES_BY_PATH: ReadonlyMap<string, ApiRoute> = new Map(
  ROUTES.map((r) => [r.path, r]),
);

/** The Plaid endpoints the emulator implements (for the README and the CLI banner). */
export const PLAID_ENDPOINTS: readonly string[] = ROUTES.filter((r) => r.authenticated).map(
  (r) => r.path,
);
