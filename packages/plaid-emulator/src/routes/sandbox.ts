import type {
  CustomSandboxTransaction,
  SandboxItemResetLoginRequest,
  SandboxItemResetLoginResponse,
  SandboxPublicTokenCreateRequest,
  SandboxPublicTokenCreateResponse,
  SandboxTransactionsCreateRequest,
  SandboxTransactionsCreateResponse,
} from 'plaid';
import type { WireTransaction } from '../data/timeline';
import { addDays } from '../dates';
import { findInstitution } from '../data/institutions';
import { PlaidApiError } from '../errors';
import { f } from '../validate';
import { usableItem } from './guards';
import { checkProducts } from './products';
import { plaidRoute } from './route';

export const sandboxPublicTokenCreate = plaidRoute<
  SandboxPublicTokenCreateRequest,
  SandboxPublicTokenCreateResponse
>({
  path: '/sandbox/public_token/create',
  fields: {
    institution_id: f.reqStr(),
    initial_products: { kind: 'array', required: true, items: { kind: 'string' } },
    options: f.obj({
      webhook: f.str(),
      override_username: f.str({ nullable: true }),
      override_password: f.str({ nullable: true }),
      transactions: f.obj({
        start_date: f.str(),
        end_date: f.str(),
        days_requested: f.int(1, 730),
      }),
      statements: f.any(),
      income_verification: f.any(),
    }),
    user_token: f.str(),
    user_id: f.str(),
  },
  handle: ({ body, state, requestId }) => {
    const institution = findInstitution(body.institution_id);
    if (!institution) throw new PlaidApiError('INVALID_INSTITUTION');
    if (body.initial_products.length === 0) {
      throw new PlaidApiError(
        'INVALID_FIELD',
        'initial_products must contain at least one product',
      );
    }
    const products = checkProducts(body.initial_products, 'initial_products');
    const unsupported = products.filter((p) => !institution.products.includes(p));
    if (unsupported.length > 0) {
      throw new PlaidApiError(
        'PRODUCTS_NOT_SUPPORTED',
        `${institution.name} does not support ${unsupported.join(', ')}`,
      );
    }
    if (state.institutionHealth(institution) === 'DOWN')
      throw new PlaidApiError('INSTITUTION_DOWN');
    const username = body.options?.override_username ?? 'user_good';
    const password = body.options?.override_password ?? 'pass_good';
    const valid =
      (username === 'user_good' && password === 'pass_good') ||
      (username === 'user_transactions_dynamic' && password.length > 0);
    if (!valid) throw new PlaidApiError('INVALID_CREDENTIALS');
    const item = state.createItem({
      institution,
      username,
      daysRequested: body.options?.transactions?.days_requested ?? 90,
      products,
      webhook: body.options?.webhook ?? null,
    });
    return { public_token: state.issuePublicToken(item), request_id: requestId };
  },
});

export const sandboxItemResetLogin = plaidRoute<
  SandboxItemResetLoginRequest,
  SandboxItemResetLoginResponse
>({
  path: '/sandbox/item/reset_login',
  fields: { access_token: f.reqStr() },
  handle: ({ body, state, requestId }) => {
    const item = state.resolveAccessToken(body.access_token);
    item.error = new PlaidApiError('ITEM_LOGIN_REQUIRED');
    return { reset_login: true, request_id: requestId };
  },
});

/** Plaid takes at most this many transactions per /sandbox/transactions/create call. */
const MAX_CREATED = 10;
/** Dates of created transactions may be at most this many days old, and never in the future. */
const MAX_AGE_DAYS = 14;

/**
 * Adds transactions to a `user_transactions_dynamic` Item, as Plaid Sandbox does (PLAID-NOTES §1):
 * up to 10 per call, dated today or up to 14 days back. They arrive posted on the Item's first
 * account with transactions, and the next /transactions/sync reports them as added.
 */
export const sandboxTransactionsCreate = plaidRoute<
  SandboxTransactionsCreateRequest,
  SandboxTransactionsCreateResponse
>({
  path: '/sandbox/transactions/create',
  fields: {
    access_token: f.reqStr(),
    transactions: {
      kind: 'array',
      required: true,
      minItems: 1,
      items: f.obj(
        {
          date_transacted: f.reqStr(),
          date_posted: f.reqStr(),
          amount: { kind: 'number', required: true },
          description: f.reqStr(),
          iso_currency_code: f.str(),
        },
        { required: true },
      ),
    },
  },
  handle: ({ body, state, requestId }) => {
    const item = usableItem(state, body.access_token);
    if (item.username !== 'user_transactions_dynamic') {
      throw new PlaidApiError(
        'INVALID_FIELD',
        'transactions can only be created for Items made with the user_transactions_dynamic test user',
      );
    }
    if (body.transactions.length > MAX_CREATED) {
      throw new PlaidApiError(
        'INVALID_FIELD',
        `transactions must contain at most ${MAX_CREATED} items`,
      );
    }
    const account = item.transactionAccounts()[0];
    if (!account) throw new PlaidApiError('NO_ACCOUNTS');
    const oldest = addDays(item.today, -MAX_AGE_DAYS);
    body.transactions.forEach((t, i) => {
      for (const [field, date] of [
        ['date_transacted', t.date_transacted],
        ['date_posted', t.date_posted],
      ] as const) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > item.today || date < oldest) {
          throw new PlaidApiError(
            'INVALID_FIELD',
            `transactions[${i}].${field} must be today or up to ${MAX_AGE_DAYS} days in the past`,
          );
        }
      }
      if (t.date_posted < t.date_transacted) {
        throw new PlaidApiError(
          'INVALID_FIELD',
          `transactions[${i}].date_posted must not be before date_transacted`,
        );
      }
    });
    for (const t of body.transactions) {
      item.putTransaction(createdTransaction(t, account.accountId, item.nextCreatedId()), 'added');
    }
    return { request_id: requestId };
  },
});

function createdTransaction(
  t: CustomSandboxTransaction,
  accountId: string,
  transactionId: string,
): WireTransaction {
  const primary = t.amount < 0 ? 'INCOME' : 'GENERAL_MERCHANDISE';
  const detailed =
    t.amount < 0 ? 'INCOME_OTHER_INCOME' : 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE';
  return {
    account_id: accountId,
    account_owner: null,
    amount: t.amount,
    iso_currency_code: t.iso_currency_code ?? 'USD',
    unofficial_currency_code: null,
    category: null,
    category_id: null,
    check_number: null,
    counterparties: [],
    date: t.date_posted,
    datetime: null,
    authorized_date: t.date_transacted,
    authorized_datetime: null,
    location: {
      address: null,
      city: null,
      region: null,
      postal_code: null,
      country: null,
      lat: null,
      lon: null,
      store_number: null,
    },
    name: t.description,
    merchant_name: null,
    merchant_entity_id: null,
    merchant_category_code: null,
    logo_url: null,
    website: null,
    original_description: null,
    payment_channel: 'other',
    payment_meta: {
      reference_number: null,
      ppd_id: null,
      payee: null,
      by_order_of: null,
      payer: null,
      payment_method: null,
      payment_processor: null,
      reason: null,
    },
    pending: false,
    pending_transaction_id: null,
    personal_finance_category: { primary, detailed, confidence_level: 'LOW' },
    personal_finance_category_icon_url: `https://plaid-category-icons.plaid.com/PFC_${primary}.png`,
    transaction_code: null,
    transaction_id: transactionId,
    transaction_type: 'special',
  };
}
