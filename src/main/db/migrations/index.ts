import type { Migration } from '../migration';
import { initial } from './001_initial';
import { transactionSearch } from './002_transaction_search';
import { investmentsLiabilities } from './003_investments_liabilities';
import { visibleRowIndexes } from './004_visible_row_indexes';
import { connectionApiBaseUrl } from './005_connection_api_base_url';
import { userFields } from './006_user_fields';
import { searchAnywhere } from './007_search_anywhere';
import { payeeRules } from './008_payee_rules';
import { accountNames } from './009_account_names';
import { tagsSplits } from './010_tags_splits';
import { transfers } from './011_transfers';
import { rules } from './012_rules';
import { categories } from './013_categories';
import { sortIndexes } from './014_sort_indexes';
import { ownMoney } from './015_own_money';
import { runRequestIds } from './016_run_request_ids';
import { institutionStatus } from './017_institution_status';
import { recurringInvestmentActivity } from './018_recurring_investment_activity';
import { syncStage } from './019_sync_stage';
import { readScale } from './020_read_scale';

/** Append-only: never edit or reorder a shipped migration; add the next number instead. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  transactionSearch,
  investmentsLiabilities,
  visibleRowIndexes,
  connectionApiBaseUrl,
  userFields,
  searchAnywhere,
  payeeRules,
  accountNames,
  tagsSplits,
  transfers,
  rules,
  categories,
  sortIndexes,
  ownMoney,
  runRequestIds,
  institutionStatus,
  recurringInvestmentActivity,
  syncStage,
  readScale,
];
