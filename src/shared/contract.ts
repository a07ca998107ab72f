/**
 * The one contract between the renderer and the core: every channel's name, its input schema and
 * its output type, every event and every error code. The Electron shell, the preload, the headless
 * host and the renderer all derive from `channels` below; nothing else lists channel names.
 *
 * Inputs are zod schemas because the renderer is untrusted: the core parses every input before a
 * handler sees it. Outputs are plain types (the core is trusted), carried by a phantom marker.
 */
import { z } from 'zod';
import type {
  Account,
  AccountDetail,
  AppSettings,
  BatchDetail,
  ConnectionHealth,
  Institution,
  InvestmentActivityPage,
  Liability,
  PortfolioHoldings,
  RecurringStream,
  LiveBalances,
  Connection,
  ConnectionsSummary,
  EditResult,
  ImportBatch,
  NetWorthSeries,
  LinkResult,
  LinkToken,
  PlaidSettings,
  Profile,
  ProfileDeletion,
  ProfileList,
  QuarantinedItem,
  SpendingReport,
  SyncRun,
  TagCount,
  TransactionDetail,
  TransactionPage,
  TransactionTotals,
  TransferDecision,
  TransferSuggestion,
} from './model';
import {
  ruleActionsSchema,
  ruleConditionsSchema,
  ruleStageSchema,
  type Rule,
  type RulePreview,
} from './rules';

import type { CategoryInfo } from './categories';
import { csvMappingSchema, DATE_ORDERS, IMPORT_FORMATS } from './import-mapping';
import type { CreateTransactionResult, ImportPreview, ImportResult } from './imports';
import { MANUAL_ACCOUNT_KINDS } from './manual-accounts';

export * from './model';
export * from './categories';
export * from './rules';
export * from './imports';
export * from './import-mapping';
export * from './manual-accounts';

// ---------------------------------------------------------------------------------------------
// Errors

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_EARLY',
  'NOT_CONFIGURED',
  'KEYCHAIN_UNAVAILABLE',
  'PLAID',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Extra, non-secret facts an error carries so the UI can act on it. */
export interface ErrorDetails {
  /** VALIDATION: which fields were wrong. */
  issues?: { path: string; message: string }[];
  /** CONFLICT: the existing connection (duplicate link) or the running run. */
  connectionId?: string;
  runId?: number;
  /** TOO_EARLY: how long until the action is allowed again. */
  retryAfterMs?: number;
  /** PLAID: Plaid's own codes and request id, never the request itself. */
  plaidErrorType?: string;
  plaidErrorCode?: string;
  plaidRequestId?: string;
  displayMessage?: string | null;
  retryable?: boolean;
  /** The underlying system's own words (e.g. the keychain's), when they hold nothing secret. */
  cause?: string;
}

/** The wire shape of every error, over IPC and HTTP alike. */
export interface LedgerErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export const ledgerErrorShapeSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** What an invoke returns across a process boundary: errors travel as data, not exceptions. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: LedgerErrorShape };

// ---------------------------------------------------------------------------------------------
// Shared input pieces

const id = z.string().trim().min(1).max(128);
/** The longest name a connection may have; the rename form says so rather than cutting. */
export const CONNECTION_NAME_MAX = 100;
const ruleId = z.number().int().positive();
const isoDate = z.iso.date();
const noInput = z.strictObject({});
const emptyToNull = (text: string | null) => (text === '' ? null : text);
/** A name a person types (a payee, a category): trimmed, one line, an empty box means none. */
const userText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'use a single line without tabs')
    .transform(emptyToNull);
/** A category's name: one line, 1 to 100 characters once trimmed. */
const categoryName = z
  .string()
  .trim()
  .min(1, 'a category needs a name')
  .max(100, 'a category name is at most 100 characters')
  // eslint-disable-next-line no-control-regex
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'use a single line without tabs');
/** A tag's name: one line, 1 to 40 characters once trimmed. */
const tagName = z
  .string()
  .trim()
  .min(1, 'a tag needs a name')
  .max(40, 'a tag name is at most 40 characters')
  // eslint-disable-next-line no-control-regex
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'use a single line without tabs');
/**
 * What a person types into a search box. Control characters (a pasted tab or line break, or a
 * NUL that would end the full-text query early) become spaces: they separate words, nothing else.
 */
const searchText = z
  .string()
  .max(200)
  // eslint-disable-next-line no-control-regex
  .transform((text) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim())
  .pipe(z.string().min(1, 'type at least one letter or digit to search'));
/** Money a person types, in minor units: whole numbers, far beyond any real balance. */
const minorUnits = z.number().int().min(-1e13).max(1e13);
/** An ISO 4217 code this machine knows how to show (Intl's list; 'XXX'-style codes refused). */
const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'a currency is a three-letter code like USD or EUR')
  .refine(
    (code) => Intl.supportedValuesOf('currency').includes(code),
    'that is not a currency code this app knows (use one like USD, EUR or GBP)',
  );
/** The largest file an import takes (a bank's export is rarely a tenth of it). */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/** One file to import into an account: its bytes (base64) and how to read them. */
const importFile = z.strictObject({
  accountId: id,
  fileName: z.string().trim().min(1, 'the file needs a name').max(260),
  content: z
    .string()
    .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, 'the file is larger than 10 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file did not arrive whole; choose it again'),
  /** Found from the file itself when left out. */
  format: z.enum(IMPORT_FORMATS).optional(),
  /** CSV: how its columns read; left out, the account's last mapping or a guess is used. */
  mapping: csvMappingSchema.optional(),
  /** CSV and QIF: the order of day, month and year in the file's dates. */
  dateOrder: z.enum(DATE_ORDERS).optional(),
  /** Import the rows that can be read even though some cannot (by default nothing is imported). */
  skipUnreadable: z.boolean().optional(),
});

export const SYNC_FREQUENCY_MINUTES = { min: 15, max: 7 * 24 * 60, default: 6 * 60 } as const;
const syncFrequency = z
  .number()
  .int()
  .min(SYNC_FREQUENCY_MINUTES.min)
  .max(SYNC_FREQUENCY_MINUTES.max);

export const plaidEnvironmentSchema = z.enum(['sandbox', 'production']);

/** The longest Plaid keys taken (Plaid's are 24 and 30 characters); the form says so too. */
export const PLAID_KEY_MAX = { clientId: 100, secret: 200 } as const;
export const PLAID_KEY_TOO_LONG = {
  clientId: `a client id is at most ${PLAID_KEY_MAX.clientId} characters; Plaid's are 24, so check that only the client id was pasted`,
  secret: `a secret is at most ${PLAID_KEY_MAX.secret} characters; Plaid's are 30, so check that only the secret was pasted`,
} as const;

const linkAccountSchema = z.strictObject({
  id,
  name: z.string().max(200),
  type: z.string().max(40).nullable().optional(),
  subtype: z.string().max(60).nullable().optional(),
  mask: z.string().max(10).nullable().optional(),
});

/**
 * Where Plaid may send the user back after a bank's OAuth page: an address registered in Plaid's
 * dashboard. Plaid takes https, or http on localhost in Sandbox; never a query or a fragment.
 */
export const oauthRedirectUriSchema = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .refine((value) => {
    // Not an address at all: the check above has said so already.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    return (url.protocol === 'https:' || loopback) && !url.search && !url.hash && !url.username;
  }, 'Plaid takes an https address, or http://localhost with a port in Sandbox, with no ? or # part');

const linkToken = z.string().trim().min(1).max(200);

/** A profile's name: one line, 1 to 60 characters once trimmed. */
export const PROFILE_NAME_MAX = 60;
const profileName = z
  .string()
  .trim()
  .min(1, 'a profile needs a name')
  .max(PROFILE_NAME_MAX, `a profile name is at most ${PROFILE_NAME_MAX} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'use a single line without tabs');
const profileId = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,64}$/, 'that is not a profile of this app');

/**
 * How a Link session ended, as the Link page reports it: the one thing the isolated Link window
 * (its preload's single call) and the browser host's Link page (its one endpoint) may say.
 */
export const linkOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({
    linkToken,
    status: z.literal('success'),
    publicToken: z.string().trim().min(1).max(300),
    institution: z.strictObject({ id, name: z.string().max(200) }).nullable(),
    accounts: z.array(linkAccountSchema).max(100),
  }),
  z.strictObject({
    linkToken,
    status: z.literal('exit'),
    error: z
      .strictObject({
        errorType: z.string().max(100),
        errorCode: z.string().max(100),
        errorMessage: z.string().max(2000),
        displayMessage: z.string().max(2000).nullable(),
      })
      .nullable(),
  }),
]);
export type LinkOutcome = z.infer<typeof linkOutcomeSchema>;
export type LinkExitError = NonNullable<Extract<LinkOutcome, { status: 'exit' }>['error']>;

/** What opening Link needs: the token; the shell or the host adds everything else. */
export const linkPageRequestSchema = z.strictObject({ linkToken });
export type LinkPageRequest = z.infer<typeof linkPageRequestSchema>;

/** Two rows by their Plaid ids: money out and money in (either order is understood). */
const transferPair = z.strictObject({ outId: id, inId: id }).refine((v) => v.outId !== v.inId, {
  message: 'choose two different transactions',
  path: ['inId'],
});

export const TRANSACTION_SHOWS = [
  'needs-review',
  'uncategorized',
  'excluded',
  'unreviewed',
  /** Rows the bank no longer has (removed by Plaid or by a full resync), kept with their edits. */
  'removed',
] as const;
export const TRANSACTION_SORTS = ['date', 'payee', 'category', 'account', 'amount'] as const;

/** Which rows the transactions list (and its totals) is about. */
const transactionFilter = z.strictObject({
  accountId: id.optional(),
  connectionId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** `in`: money in (amount > 0); `out`: money out (amount < 0). */
  type: z.enum(['in', 'out']).optional(),
  category: z.string().trim().min(1).max(100).optional(),
  /** Rows carrying this tag (any spelling of its letters' case). */
  tag: z.string().trim().min(1).max(40).optional(),
  /** Only rows that want a look, have no category, are left out of reports, or are not reviewed. */
  show: z.enum(TRANSACTION_SHOWS).optional(),
  search: searchText.optional(),
  includeRemoved: z.boolean().optional(),
});
const fromNotAfterTo = {
  check: (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to,
  issue: { message: 'the first day must not be after the last day', path: ['from'] },
};

/** Phantom marker that carries an output type without a runtime schema. */
function output<T>(): T {
  return undefined as T;
}

function channel<I extends z.ZodType, O>(input: I, out: O) {
  return { input, output: out };
}

// ---------------------------------------------------------------------------------------------
// Channels

export const channels = {
  'settings.getPlaid': channel(noInput, output<PlaidSettings>()),
  'settings.setPlaid': channel(
    z.strictObject({
      environment: plaidEnvironmentSchema,
      clientId: z
        .string()
        .trim()
        .min(1, 'enter the client id from the Keys page of the Plaid Dashboard')
        .max(PLAID_KEY_MAX.clientId, PLAID_KEY_TOO_LONG.clientId),
      secret: z
        .string()
        .trim()
        .min(1, 'enter the secret from the Keys page of the Plaid Dashboard')
        .max(PLAID_KEY_MAX.secret, PLAID_KEY_TOO_LONG.secret),
    }),
    output<PlaidSettings>(),
  ),
  'settings.clearPlaid': channel(
    z.strictObject({ environment: plaidEnvironmentSchema }),
    output<PlaidSettings>(),
  ),
  'settings.get': channel(noInput, output<AppSettings>()),
  'settings.update': channel(
    z.strictObject({
      defaultSyncFrequencyMinutes: syncFrequency.optional(),
      /** null turns redirects off: Link then handles OAuth in a pop-up window. */
      oauthRedirectUri: oauthRedirectUriSchema.nullable().optional(),
    }),
    output<AppSettings>(),
  ),

  /** Separate ledgers (their own files and keychain entries); handled by the core itself. */
  'profiles.list': channel(noInput, output<ProfileList>()),
  'profiles.create': channel(
    z.strictObject({ name: profileName, switchTo: z.boolean().optional() }),
    output<Profile>(),
  ),
  'profiles.rename': channel(
    z.strictObject({ id: profileId, name: profileName }),
    output<Profile>(),
  ),
  /** Closes the open ledger (waiting for its syncs to stop) and opens this one. */
  'profiles.switch': channel(z.strictObject({ id: profileId }), output<ProfileList>()),
  /** Removes a profile that is not open: its files, its keychain entries, its Items at Plaid. */
  'profiles.delete': channel(z.strictObject({ id: profileId }), output<ProfileDeletion>()),
  'link.createToken': channel(
    z.strictObject({
      connectionId: id.optional(),
      updateAccountSelection: z.boolean().optional(),
      /** Hosted Link: Plaid's own page in the user's browser, for banks Link cannot do here. */
      hosted: z.boolean().optional(),
    }),
    output<LinkToken>(),
  ),
  'link.exchange': channel(
    z.strictObject({
      publicToken: z.string().trim().min(1).max(300),
      /** Set when Link ran in update mode for this connection (a repair; nothing is exchanged). */
      connectionId: id.optional(),
      institution: z.strictObject({ id, name: z.string().max(200) }).nullable(),
      accounts: z.array(linkAccountSchema).max(100),
    }),
    output<LinkResult>(),
  ),
  /**
   * Asks Plaid how Hosted Link sessions ended (/link/token/get) and takes in what they linked:
   * one session, or every one still open. Results arrive as `link.finished` events.
   */
  'link.checkHosted': channel(
    z.strictObject({ linkToken: linkToken.optional() }),
    output<{ pending: number }>(),
  ),
  'link.sandboxConnect': channel(
    z.strictObject({ institutionId: id.optional() }),
    output<LinkResult>(),
  ),

  'connections.list': channel(noInput, output<Connection[]>()),
  'connections.summary': channel(noInput, output<ConnectionsSummary>()),
  'connections.logs': channel(
    z.strictObject({ connectionId: id, limit: z.number().int().min(1).max(500).optional() }),
    output<SyncRun[]>(),
  ),
  'connections.health': channel(z.strictObject({ connectionId: id }), output<ConnectionHealth>()),
  'connections.sync': channel(
    z.strictObject({ connectionId: id.optional() }),
    output<{ runIds: number[] }>(),
  ),
  'connections.update': channel(
    z.strictObject({
      connectionId: id,
      displayName: z
        .string()
        .trim()
        .min(1, 'the connection needs a name')
        .max(CONNECTION_NAME_MAX, `a connection name is at most ${CONNECTION_NAME_MAX} characters`)
        .optional(),
      syncFrequencyMinutes: syncFrequency.optional(),
      paused: z.boolean().optional(),
    }),
    output<Connection>(),
  ),
  'connections.disconnect': channel(
    z.strictObject({ connectionId: id, deleteData: z.boolean().optional() }),
    output<Connection>(),
  ),
  /**
   * Asks Plaid for the latest transactions now (/transactions/refresh), then syncs the
   * connection; the run's id comes back. Plaid's refusals (its limit, a bank that does not offer
   * it) come back as sentences.
   */
  'connections.refresh': channel(z.strictObject({ connectionId: id }), output<{ runId: number }>()),
  /**
   * A full resync ("remine"): the connection's history again from no cursor, every row Plaid has
   * reconciled with this ledger (the person's edits kept, nothing doubled), and the rows Plaid no
   * longer has marked removed. It also revives a connection whose cursor Plaid refuses.
   */
  'connections.resync': channel(z.strictObject({ connectionId: id }), output<{ runId: number }>()),
  /** Sandbox only: Plaid forgets the connection's login, so that Repair can be tried. */
  'sandbox.resetLogin': channel(z.strictObject({ connectionId: id }), output<Connection>()),
  /**
   * Sandbox only: new transactions at the bank (Plaid's /sandbox/transactions/create) for a
   * connection made with the user_transactions_dynamic test user; a sync is started if it may.
   */
  'sandbox.createTransactions': channel(
    z.strictObject({
      connectionId: id,
      transactions: z
        .array(
          z.strictObject({
            date: isoDate,
            /** Minor units, as everywhere in the ledger: negative is money going out. */
            amount: minorUnits.refine((n) => n !== 0, 'an amount other than zero'),
            description: z.string().trim().min(1, 'a description').max(100),
          }),
        )
        .min(1, 'at least one transaction')
        .max(10, 'at most 10 transactions at a time'),
    }),
    output<{ created: number; runId: number | null }>(),
  ),
  /** Asks Plaid how each connected bank is doing now, and keeps the answer. */
  'institutions.checkStatus': channel(noInput, output<Institution[]>()),

  /** What the banks say each investment account holds, with totals and the securities. */
  'portfolio.holdings': channel(
    z.strictObject({ accountId: id.optional() }),
    output<PortfolioHoldings>(),
  ),
  /** Buys, sales, dividends, contributions and fees, newest first, a page at a time. */
  'portfolio.investmentTransactions': channel(
    z.strictObject({
      accountId: id.optional(),
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).optional(),
    }),
    output<InvestmentActivityPage>(),
  ),
  /** Cards and loans with the terms and payments their banks report. */
  'liabilities.list': channel(noInput, output<Liability[]>()),
  /** Bills, subscriptions and pay Plaid saw recur (stopped ones only when asked). */
  'recurring.list': channel(
    z.strictObject({ includeInactive: z.boolean().optional() }),
    output<RecurringStream[]>(),
  ),

  'accounts.list': channel(
    z.strictObject({
      connectionId: id.optional(),
      /** Closed manual accounts too (default: only open ones). */
      includeClosed: z.boolean().optional(),
    }),
    output<Account[]>(),
  ),
  'accounts.get': channel(z.strictObject({ accountId: id }), output<AccountDetail>()),
  /** The person's own name for an account (null: the bank's again), or hiding it. */
  'accounts.update': channel(
    z
      .strictObject({
        accountId: id,
        name: userText(100).nullable().optional(),
        hidden: z.boolean().optional(),
      })
      .refine((v) => v.name !== undefined || v.hidden !== undefined, {
        message: 'choose a new name or whether to hide the account',
      }),
    output<Account>(),
  ),

  /** A new account kept by hand (cash, a house, a loan Plaid cannot reach), in any currency. */
  'accounts.create': channel(
    z.strictObject({
      name: z
        .string()
        .trim()
        .min(1, 'the account needs a name')
        .max(100, 'an account name is at most 100 characters')
        // eslint-disable-next-line no-control-regex
        .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'use a single line without tabs'),
      kind: z.enum(MANUAL_ACCOUNT_KINDS),
      currency: currencyCode,
      /** What it holds (or, for a card or loan, what is owed) on `balanceDate`, in minor units. */
      balance: minorUnits.optional(),
      balanceDate: isoDate.optional(),
    }),
    output<Account>(),
  ),
  /** Closes a manual account (its history stays and still counts in the past) or reopens it. */
  'accounts.close': channel(
    z.strictObject({ accountId: id, closed: z.boolean() }),
    output<Account>(),
  ),
  /**
   * Records a manual account's balance on a day (a house's valuation, a count of the cash). Its
   * balance now is the latest such record plus the transactions dated after it.
   */
  'accounts.setBalance': channel(
    z.strictObject({ accountId: id, date: isoDate, balance: minorUnits }),
    output<Account>(),
  ),
  /**
   * Live balances from the bank now (/accounts/balance/get), for one account or every account of
   * one connection; they replace the stored ones. Plaid allows only a few a minute.
   */
  'accounts.checkBalance': channel(
    z
      .strictObject({ accountId: id.optional(), connectionId: id.optional() })
      .refine((v) => (v.accountId === undefined) !== (v.connectionId === undefined), {
        message: 'choose one account or one connection',
      }),
    output<LiveBalances>(),
  ),

  'transactions.list': channel(
    transactionFilter
      .extend({
        /** The order of the list (default: newest first), with `direction` (default by column). */
        sort: z.enum(TRANSACTION_SORTS).optional(),
        direction: z.enum(['asc', 'desc']).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        cursor: z.string().min(1).max(200).optional(),
      })
      .refine(fromNotAfterTo.check, fromNotAfterTo.issue),
    output<TransactionPage>(),
  ),
  /**
   * How many rows the filter matches, asked beside the first page: counting grows with the
   * ledger, so the page never waits for it.
   */
  'transactions.count': channel(
    transactionFilter.refine(fromNotAfterTo.check, fromNotAfterTo.issue),
    output<number>(),
  ),
  /** Money in, out and net per currency for every row the filter matches (not just a page). */
  'transactions.totals': channel(
    transactionFilter.refine(fromNotAfterTo.check, fromNotAfterTo.issue),
    output<TransactionTotals[]>(),
  ),

  'transactions.get': channel(z.strictObject({ id }), output<TransactionDetail>()),
  /**
   * Sets the person's own fields on one or more rows (a bulk edit is one undo step). A text field
   * set to null goes back to what the bank says.
   */
  'transactions.update': channel(
    z
      .strictObject({
        ids: z.array(id).min(1).max(500),
        set: z
          .strictObject({
            payee: userText(100).nullable().optional(),
            category: userText(100).nullable().optional(),
            notes: z.string().trim().max(2000).transform(emptyToNull).nullable().optional(),
            excluded: z.boolean().optional(),
            reviewed: z.boolean().optional(),
          })
          .refine((set) => Object.values(set).some((v) => v !== undefined), {
            message: 'choose at least one thing to change',
          }),
        /**
         * The new payee also names every row with the same bank text, now and from later syncs
         * (rows whose payee was set one by one keep theirs).
         */
        payeeForSameText: z.boolean().optional(),
      })
      .refine((v) => !v.payeeForSameText || typeof v.set.payee === 'string', {
        message: 'give the payee a name to use it for every transaction with the same bank text',
        path: ['payeeForSameText'],
      }),
    output<EditResult>(),
  ),
  /** Undoes the last edit (one row or a whole bulk edit). */
  'transactions.undo': channel(noInput, output<EditResult>()),
  /**
   * Adds and takes away tags on one or more rows, as one undo step. A tag that does not exist yet
   * is made; one that exists in another letter case is used as it is spelled.
   */
  'transactions.tag': channel(
    z
      .strictObject({
        ids: z.array(id).min(1).max(500),
        add: z.array(tagName).max(20).optional(),
        remove: z.array(tagName).max(20).optional(),
      })
      .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) > 0, {
        message: 'choose a tag to add or to take away',
      }),
    output<EditResult>(),
  ),
  /**
   * Splits one row into parts (2 to 20, each with its own category and note) that add up to its
   * amount exactly; no parts puts the row back whole. One undo step.
   */
  'transactions.split': channel(
    z.strictObject({
      id,
      parts: z
        .array(
          z.strictObject({
            // Zero and the sum are checked against the row, with a sentence that says why.
            amount: z.number().int().min(-1e13).max(1e13),
            category: userText(100).nullable().optional(),
            notes: z.string().trim().max(500).transform(emptyToNull).nullable().optional(),
          }),
        )
        .max(20)
        .refine((parts) => parts.length !== 1, 'a split needs at least two parts'),
    }),
    output<EditResult>(),
  ),
  /**
   * A transaction entered by hand, in any account. When it is the same money as a row already
   * there from the bank or a file (same amount, a few days apart), nothing is added and those
   * rows come back, unless `addAnyway`.
   */
  'transactions.create': channel(
    z.strictObject({
      accountId: id,
      date: isoDate,
      amount: minorUnits.refine((n) => n !== 0, 'an amount of zero is not a transaction'),
      name: z
        .string()
        .trim()
        .min(1, 'say what the transaction was')
        .max(200, 'a description is at most 200 characters')
        // eslint-disable-next-line no-control-regex
        .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'use a single line without tabs'),
      payee: userText(100).nullable().optional(),
      category: userText(100).nullable().optional(),
      notes: z.string().trim().max(2000).transform(emptyToNull).nullable().optional(),
      tags: z.array(tagName).max(20).optional(),
      addAnyway: z.boolean().optional(),
    }),
    output<CreateTransactionResult>(),
  ),
  /**
   * Changes the date, amount or description of a row entered by hand or imported from a file
   * (a bank's rows keep the bank's). One undo step.
   */
  'transactions.edit': channel(
    z
      .strictObject({
        id,
        date: isoDate.optional(),
        amount: minorUnits
          .refine((n) => n !== 0, 'an amount of zero is not a transaction')
          .optional(),
        name: z
          .string()
          .trim()
          .min(1, 'say what the transaction was')
          .max(200, 'a description is at most 200 characters')
          // eslint-disable-next-line no-control-regex
          .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'use a single line without tabs')
          .optional(),
      })
      .refine((v) => v.date !== undefined || v.amount !== undefined || v.name !== undefined, {
        message: 'choose at least one thing to change',
      }),
    output<EditResult>(),
  ),
  /** Deletes rows entered by hand or imported from a file, as one undo step. */
  'transactions.delete': channel(
    z.strictObject({ ids: z.array(id).min(1).max(500) }),
    output<EditResult>(),
  ),
  /** Every tag on a transaction in view, with how many carry it, by name. */
  'tags.list': channel(noInput, output<TagCount[]>()),

  'batches.list': channel(
    z.strictObject({
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).optional(),
      /** Only the batches of one account (its imports and hand entries). */
      accountId: id.optional(),
      /** Only the syncs of one connection. */
      connectionId: id.optional(),
      /** Only syncs, or only imported files and hand entries. */
      kind: z.enum(['syncs', 'imports']).optional(),
    }),
    output<ImportBatch[]>(),
  ),
  /** One batch and a page of its rows (pass `cursor` back for the next page). */
  'batches.get': channel(
    z.strictObject({
      batchId: z.number().int().positive(),
      limit: z.number().int().min(1).max(500).optional(),
      cursor: z.string().min(1).max(200).optional(),
    }),
    output<BatchDetail>(),
  ),

  /**
   * Reads a bank's file (CSV, OFX/QFX or QIF) for an account and says what importing it would
   * do, row by row, without writing anything. For a CSV it also gives the layout it found and
   * the mapping it would use.
   */
  'import.preview': channel(importFile, output<ImportPreview>()),
  /**
   * Imports the file: rows already here are matched, not added; the rest are added (rules run
   * on them first) as one batch; a CSV's mapping is remembered for the account.
   */
  'import.commit': channel(importFile, output<ImportResult>()),
  /** Takes a file import back: its rows go; rows it only matched stay as they were. */
  'import.revert': channel(
    z.strictObject({ batchId: z.number().int().positive() }),
    output<{ removed: number }>(),
  ),
  /**
   * Settles a suggested match: `sameAs` names the row it is the same money as (the two become
   * one and the person's fields of both are kept), or null to keep both.
   */
  'import.resolve': channel(z.strictObject({ id, sameAs: id.nullable() }), output<EditResult>()),

  /** Money out per month and category, for the overview's charts (read-only). */
  'reports.spending': channel(
    z.strictObject({
      /** How many months, ending with the month of `until` (default 6). */
      months: z.number().int().min(1).max(24).optional(),
      /** The last day counted (default: today); the renderer passes the user's local date. */
      until: isoDate.optional(),
    }),
    output<SpendingReport>(),
  ),
  /**
   * Net worth over time per currency: each account's daily balance (rebuilt backwards from its
   * balance and transactions where the bank reported none), manual accounts included.
   */
  'reports.netWorth': channel(
    z.strictObject({
      /** How many months back from `until` (default 24). */
      months: z.number().int().min(1).max(120).optional(),
      until: isoDate.optional(),
      step: z.enum(['day', 'week', 'month']).optional(),
    }),
    output<NetWorthSeries[]>(),
  ),
  /**
   * The person's categories with how many rows in view show each (for the filter list, the
   * pickers and the categories manager), including any in use that the list did not have yet.
   */
  'categories.list': channel(noInput, output<CategoryInfo[]>()),
  /** A new category of the person's own, with no rows yet. */
  'categories.create': channel(z.strictObject({ name: categoryName }), output<CategoryInfo>()),
  /** Renames a category; its rows, split parts and the rules that set it follow. */
  'categories.rename': channel(
    z.strictObject({ name: categoryName, newName: categoryName }),
    output<CategoryInfo>(),
  ),
  /** Puts every row of `name` into `into` (one undo step), points its rules there, deletes it. */
  'categories.merge': channel(
    z.strictObject({ name: categoryName, into: categoryName }),
    output<EditResult>(),
  ),
  /** A hidden category is not offered in pickers; rows that have it keep it. */
  'categories.setHidden': channel(
    z.strictObject({ name: categoryName, hidden: z.boolean() }),
    output<CategoryInfo>(),
  ),
  /** Rows a sync could not apply, newest first (read-only). */
  'quarantine.list': channel(
    z.strictObject({
      connectionId: id.optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output<QuarantinedItem[]>(),
  ),

  /**
   * Pairs of rows that look like money moved between the person's own accounts (a card payment
   * included), newest first; a pair the person rejected is never suggested again.
   */
  'transfers.suggestions': channel(
    z.strictObject({ limit: z.number().int().min(1).max(200).optional() }),
    output<TransferSuggestion[]>(),
  ),
  /** Marks the two rows as one transfer: both leave spending and suggestions. */
  'transfers.confirm': channel(transferPair, output<TransferDecision>()),
  /** The two rows are not one transfer: that pair is never suggested again. */
  'transfers.reject': channel(transferPair, output<TransferDecision>()),
  /** Takes back a confirmation. */
  'transfers.unconfirm': channel(transferPair, output<TransferDecision>()),

  /** Every rule, in the order they run: stage (first, normal, last), then position. */
  'rules.list': channel(noInput, output<Rule[]>()),
  /** A new rule, placed last in its stage. It changes nothing until it runs (sync or apply). */
  'rules.create': channel(
    z.strictObject({
      name: userText(100).nullable().optional(),
      stage: ruleStageSchema.optional(),
      enabled: z.boolean().optional(),
      stopAfter: z.boolean().optional(),
      conditions: ruleConditionsSchema,
      actions: ruleActionsSchema,
    }),
    output<Rule>(),
  ),
  /** Changes a rule; what it already did to rows stays (undo that with the apply's undo). */
  'rules.update': channel(
    z.strictObject({
      id: ruleId,
      name: userText(100).nullable().optional(),
      stage: ruleStageSchema.optional(),
      enabled: z.boolean().optional(),
      stopAfter: z.boolean().optional(),
      conditions: ruleConditionsSchema.optional(),
      actions: ruleActionsSchema.optional(),
    }),
    output<Rule>(),
  ),
  'rules.delete': channel(z.strictObject({ id: ruleId }), output<null>()),
  /** Moves a rule one place earlier or later within its stage; returns every rule in order. */
  'rules.move': channel(
    z.strictObject({ id: ruleId, direction: z.enum(['earlier', 'later']) }),
    output<Rule[]>(),
  ),
  /**
   * What a rule (saved or being edited) would change if applied to the ledger now: how many rows
   * it matches and changes, and the first of them with each field's before and after.
   */
  'rules.preview': channel(
    z.strictObject({
      conditions: ruleConditionsSchema,
      actions: ruleActionsSchema,
      limit: z.number().int().min(1).max(200).optional(),
    }),
    output<RulePreview>(),
  ),
  /** Runs one saved rule over every transaction in view, as one undo step. */
  'rules.apply': channel(z.strictObject({ id: ruleId }), output<EditResult>()),
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = Channels[C]['output'];

export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/** Arguments of `invoke`: the input may be left out when every field of it is optional. */
export type InvokeArgs<C extends Channel> =
  Record<string, never> extends ChannelInput<C>
    ? [input?: ChannelInput<C>]
    : [input: ChannelInput<C>];

// ---------------------------------------------------------------------------------------------
// Events

export type SyncTrigger =
  | 'manual'
  | 'scheduled'
  | 'startup'
  | 'wake'
  | 'link'
  | 'repair'
  /** After "Get latest transactions" asked Plaid to refresh. */
  | 'refresh'
  /** A full resync: the cursor from scratch, every row reconciled. */
  | 'resync';

export interface LedgerEvents {
  'sync.started': { connectionId: string; runId: number; trigger: SyncTrigger };
  'sync.progress': {
    connectionId: string;
    runId: number;
    added: number;
    modified: number;
    removed: number;
    accountsSynced: number;
    page: number;
    /** Pages of this run an earlier, interrupted run had staged (not fetched again). */
    resumedPages: number;
  };
  'sync.completed': {
    connectionId: string;
    runId: number;
    added: number;
    modified: number;
    removed: number;
    duplicatesSkipped: number;
    quarantined: number;
    /** Pages applied, and how many of them an earlier, interrupted run had staged. */
    pages: number;
    resumedPages: number;
    durationMs: number;
  };
  'sync.failed': {
    connectionId: string;
    runId: number;
    code: string;
    message: string;
    retryable: boolean;
  };
  'connections.changed': { connectionId: string };
  /** A Link session Ledgerlight opened has ended, and what came of it. */
  'link.finished': {
    linkToken: string;
    outcome: 'connected' | 'updated' | 'exited' | 'failed';
    connectionId: string | null;
    accountCount: number;
    /** Why it failed, or Plaid's reason for an exit with an error. */
    error: LedgerErrorShape | null;
  };
  /** Another profile is open now: everything shown belongs to the one that was closed. */
  'profiles.switched': { profileId: string };
}
export type EventName = keyof LedgerEvents;
export type LedgerEvent = { [E in EventName]: { name: E; payload: LedgerEvents[E] } }[EventName];

// ---------------------------------------------------------------------------------------------
// What the renderer talks to

/**
 * The transport: `window.ledger` from the preload, or the HTTP + SSE transport of the headless
 * host. Errors travel as data because Electron's contextBridge drops an Error's own fields.
 */
export interface LedgerBridge {
  invoke<C extends Channel>(
    channel: C,
    input: ChannelInput<C> | undefined,
  ): Promise<InvokeResult<ChannelOutput<C>>>;
  /** Subscribes to every event; returns the unsubscribe function. */
  onEvent(listener: (event: LedgerEvent) => void): () => void;
  /**
   * Opens Plaid Link for a token, somewhere Plaid's script cannot reach this window: the desktop
   * app's Link window, or the browser host's Link page on another origin. The session's end
   * arrives as a `link.finished` event.
   */
  openLink(request: LinkPageRequest): Promise<InvokeResult<null>>;
  /** Opens a Hosted Link token's page in the user's own browser. */
  openHostedLink(request: LinkPageRequest): Promise<InvokeResult<null>>;
}

/** The Link window's bridge (its preload's one call): how Link ended; true when accepted. */
export interface LinkWindowBridge {
  finished(outcome: LinkOutcome): Promise<boolean>;
}

/** The renderer's typed client over a bridge: resolves with the output or throws a LedgerError. */
export interface LedgerApi {
  invoke<C extends Channel>(channel: C, ...args: InvokeArgs<C>): Promise<ChannelOutput<C>>;
  onEvent(listener: (event: LedgerEvent) => void): () => void;
  openLink(request: LinkPageRequest): Promise<void>;
  openHostedLink(request: LinkPageRequest): Promise<void>;
}

export * from './ipc-channels';
