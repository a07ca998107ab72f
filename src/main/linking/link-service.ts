import crypto from 'node:crypto';
import { z } from 'zod';
import type { LinkTokenCreateRequest, LinkTokenGetResponse, PlaidApi } from 'plaid';
import type { LinkResult, LinkToken, Institution } from '../../shared/model';
import { LedgerError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { convertAccount } from '../plaid/convert';
import type { PlaidCredentials } from '../plaid/credentials';
import { expectObject, toPlaidFailure } from '../plaid/errors';
import { withRetry } from '../plaid/retry';
import { CountryCode, Products } from '../plaid/sdk-values';
import { secretAccounts } from '../secrets/secret-store';
import { clearPendingLink, markPendingLink } from './orphans';

/** Two years: the most Plaid gives, so the ledger starts with full history. */
export const DAYS_REQUESTED = 730;
const CLIENT_NAME = 'Ledgerlight';
const COUNTRY_CODES = [CountryCode.Us, CountryCode.Ca];
const CLIENT_USER_ID_KEY = 'plaid.clientUserId';
const DEFAULT_SANDBOX_INSTITUTION = 'ins_109508';
/** Where Plaid sends the user back from a bank's OAuth page (settings.update), if anywhere. */
export const OAUTH_REDIRECT_URI_KEY = 'link.oauthRedirectUri';
/** How long a Hosted Link page stays usable. */
const HOSTED_LINK_LIFETIME_SECONDS = 30 * 60;

export interface ExchangeInput {
  publicToken: string;
  institution: { id: string; name: string } | null;
  accounts: { mask?: string | null | undefined }[];
  connectionId?: string | undefined;
}

/**
 * Linking a bank: Link tokens (new and update mode), the public-token exchange, and the sandbox
 * shortcut. The access token goes to the keychain before anything refers to it, and a second
 * Item for accounts already linked is refused (each Item costs the user money or a Trial slot).
 */
export class LinkService {
  constructor(private readonly ctx: CoreContext) {}

  async createToken(input: {
    connectionId?: string | undefined;
    updateAccountSelection?: boolean | undefined;
    hosted?: boolean | undefined;
  }): Promise<LinkToken> {
    const { api } = await this.client(input.connectionId);
    const redirectUri = input.hosted ? null : this.oauthRedirectUri();
    const completion = this.ctx.linkPage.hostedCompletionUri;
    const user = this.clientUserId();
    const base = {
      client_name: CLIENT_NAME,
      language: 'en',
      country_codes: COUNTRY_CODES,
      user: { client_user_id: user.id },
      ...(redirectUri ? { redirect_uri: redirectUri } : {}),
      ...(input.hosted
        ? {
            hosted_link: {
              url_lifetime_seconds: HOSTED_LINK_LIFETIME_SECONDS,
              ...(completion ? { completion_redirect_uri: completion } : {}),
            },
          }
        : {}),
    };
    let request: LinkTokenCreateRequest;
    if (input.connectionId) {
      this.requireLive(input.connectionId);
      request = {
        ...base,
        access_token: await this.accessToken(input.connectionId),
        update: { account_selection_enabled: input.updateAccountSelection ?? false },
      };
    } else {
      request = {
        ...base,
        products: [Products.Transactions],
        optional_products: [Products.Investments, Products.Liabilities],
        transactions: { days_requested: DAYS_REQUESTED },
      };
    }
    const response = await this.call(() => api.linkTokenCreate(request));
    user.keep();
    return {
      linkToken: response.link_token,
      expiration: response.expiration,
      hostedLinkUrl: response.hosted_link_url ?? null,
    };
  }

  /** What Plaid knows of a Link token's sessions (how a Hosted Link session ended). */
  async tokenStatus(linkToken: string, connectionId: string | null): Promise<LinkTokenGetResponse> {
    const { api } = await this.client(connectionId ?? undefined);
    return this.call(() => api.linkTokenGet({ link_token: linkToken }));
  }

  oauthRedirectUri(): string | null {
    return this.ctx.repos.settings.get(OAUTH_REDIRECT_URI_KEY, z.string().nullable(), null);
  }

  async exchange(input: ExchangeInput): Promise<LinkResult> {
    if (input.connectionId) return this.repaired(input.connectionId);
    // Cheap first check on Link's metadata, before an Item is made ours…
    const masks = input.accounts.map((a) => a.mask).filter((m): m is string => !!m);
    if (input.institution) this.refuseDuplicate(input.institution.id, masks);
    const { api, credentials } = await this.client();
    const exchanged = await this.call(() =>
      api.itemPublicTokenExchange({ public_token: input.publicToken }),
    );
    return this.adopt(
      api,
      credentials,
      exchanged.access_token,
      exchanged.item_id,
      input.institution?.name ?? null,
    );
  }

  async sandboxConnect(institutionId: string | undefined): Promise<LinkResult> {
    const { api, credentials } = await this.client();
    if (credentials.environment !== 'sandbox') {
      throw new LedgerError(
        'VALIDATION',
        'Connecting without Link is only for Plaid Sandbox keys.',
      );
    }
    const { public_token } = await this.call(() =>
      api.sandboxPublicTokenCreate({
        institution_id: institutionId ?? DEFAULT_SANDBOX_INSTITUTION,
        initial_products: [Products.Transactions],
        options: { transactions: { days_requested: DAYS_REQUESTED } },
      }),
    );
    const exchanged = await this.call(() => api.itemPublicTokenExchange({ public_token }));
    return this.adopt(api, credentials, exchanged.access_token, exchanged.item_id, null);
  }

  /** Takes a freshly exchanged Item into the ledger, or gives it back to Plaid if it is a duplicate. */
  private async adopt(
    api: PlaidApi,
    credentials: PlaidCredentials,
    accessToken: string,
    itemId: string,
    fallbackName: string | null,
  ): Promise<LinkResult> {
    const { ctx } = this;
    const existing = ctx.repos.connectionWrites.byItemId(itemId);
    if (existing) {
      // The same Item again (update mode with an exchange): keep its token current and repair it.
      await ctx.secrets.set(secretAccounts.accessToken(existing), accessToken);
      return this.repaired(existing);
    }
    const connectionId = `conn_${crypto.randomUUID()}`;
    const release = async () => {
      const removed = await this.call(() => api.itemRemove({ access_token: accessToken })).then(
        () => true,
        () => false,
      );
      // An Item Plaid could not take back keeps its token and mark, for the next start to end.
      if (!removed) return;
      const deleted = await ctx.secrets.delete(secretAccounts.accessToken(connectionId)).then(
        () => true,
        () => false,
      );
      if (deleted) clearPendingLink(ctx, connectionId);
    };
    try {
      const [item, accounts] = await Promise.all([
        this.call(() => api.itemGet({ access_token: accessToken })),
        this.call(() => api.accountsGet({ access_token: accessToken })),
      ]);
      const institutionId = item.item.institution_id ?? null;
      const institution = institutionId
        ? await this.institution(api, institutionId, fallbackName)
        : null;
      const masks = accounts.accounts.map((a) => a.mask).filter((m): m is string => !!m);
      // …and the real check on what Plaid says the Item holds.
      if (institutionId) this.refuseDuplicate(institutionId, masks);

      // Marked pending in the ledger before the keychain write, cleared with the row: a process
      // killed in between leaves a token the next start gives back to Plaid (orphans.ts) instead
      // of a live Item nothing in the app knows. Not earlier, so that a refusal writes nothing.
      markPendingLink(ctx, connectionId);
      await ctx.secrets.set(secretAccounts.accessToken(connectionId), accessToken);
      const now = ctx.clock.now().toISOString();
      ctx.db.transaction(() => {
        clearPendingLink(ctx, connectionId);
        ctx.repos.connectionWrites.create(
          {
            id: connectionId,
            environment: credentials.environment,
            plaidBaseUrl: credentials.baseUrl,
            itemId,
            institution,
            displayName: institution?.name ?? fallbackName ?? 'Bank',
            syncFrequencyMinutes: ctx.defaultSyncFrequency(),
            products: [...(item.item.billed_products ?? []), ...(item.item.products ?? [])].map(
              String,
            ),
            consentExpiresAt: item.item.consent_expiration_time ?? null,
          },
          now,
        );
        for (const raw of accounts.accounts) {
          const account = convertAccount(raw);
          if (account.ok) ctx.syncStore.saveAccount(connectionId, account.row, true, now);
        }
      })();
    } catch (error) {
      await release();
      throw error;
    }
    // From here the connection is the ledger's: nothing below may give its Item back.
    ctx.events.emit('connections.changed', { connectionId });
    ctx.engine.start(connectionId, 'link');
    return { connectionId, accounts: ctx.repos.accounts.list(connectionId) };
  }

  /**
   * Update mode finished. Link's word is no proof that the bank works again, so Plaid is asked
   * (/item/get) before the connection is called healthy; its consent date is taken from the answer.
   */
  private async repaired(connectionId: string): Promise<LinkResult> {
    const { ctx } = this;
    this.requireLive(connectionId);
    const { api } = await this.client(connectionId);
    const accessToken = await this.accessToken(connectionId);
    const { item } = await this.call(() => api.itemGet({ access_token: accessToken }));
    if (item.error?.error_code) {
      throw new LedgerError(
        'PLAID',
        'Plaid still reports a problem with this bank, so it was not marked as repaired. Try Repair again.',
        {
          plaidErrorCode: item.error.error_code,
          plaidErrorType: item.error.error_type,
          displayMessage: item.error.display_message ?? null,
        },
      );
    }
    // Link's account selection may have changed what the Item shares: the accounts left out
    // close (their history stays), new ones appear, before the sync brings their rows.
    // Best effort: the repair sync reads them too, so a refusal here must not undo the repair.
    const accounts = await this.call(() => api.accountsGet({ access_token: accessToken }))
      .then((answer) => answer.accounts)
      .catch((error: unknown) => {
        ctx.log.warn('accounts after update mode skipped', {
          connectionId,
          code: error instanceof LedgerError ? error.details?.plaidErrorCode : undefined,
        });
        return [];
      });
    const now = ctx.clock.now().toISOString();
    ctx.db.transaction(() => {
      ctx.repos.connectionWrites.markRepaired(
        connectionId,
        item.consent_expiration_time ?? null,
        now,
      );
      const present = new Set<string>();
      for (const raw of accounts) {
        const account = convertAccount(raw);
        if (!account.ok) continue;
        if (ctx.syncStore.saveAccount(connectionId, account.row, true, now)) {
          present.add(account.row.id);
        }
      }
      if (present.size > 0) ctx.syncStore.closeAccountsNotIn(connectionId, present, now);
    })();
    ctx.events.emit('connections.changed', { connectionId });
    if (!ctx.engine.isRunning(connectionId)) ctx.engine.start(connectionId, 'repair');
    return { connectionId, accounts: ctx.repos.accounts.list(connectionId) };
  }

  private async institution(
    api: PlaidApi,
    id: string,
    fallbackName: string | null,
  ): Promise<Institution> {
    try {
      const { institution } = await this.call(() =>
        api.institutionsGetById({
          institution_id: id,
          country_codes: COUNTRY_CODES,
          options: { include_optional_metadata: true },
        }),
      );
      return {
        id,
        name: institution.name,
        logo: institution.logo ? `data:image/png;base64,${institution.logo}` : null,
        primaryColor: institution.primary_color ?? null,
        url: institution.url ?? null,
      };
    } catch (error) {
      // The name and colour are a nicety; the link itself must not fail for them.
      this.ctx.log.warn('institution details unavailable', {
        institutionId: id,
        code: toPlaidFailure(error).code,
      });
      return { id, name: fallbackName ?? id, logo: null, primaryColor: null, url: null };
    }
  }

  private refuseDuplicate(institutionId: string, masks: string[]): void {
    const duplicate = this.ctx.repos.connectionWrites.findDuplicate(institutionId, masks);
    if (duplicate) {
      throw new LedgerError(
        'CONFLICT',
        'These accounts are connected already. Update that connection instead of adding it twice.',
        { connectionId: duplicate },
      );
    }
  }

  private requireLive(connectionId: string): void {
    const connection = this.ctx.repos.connections.get(connectionId);
    if (!connection)
      throw new LedgerError('NOT_FOUND', 'That connection is not in your ledger any more.');
    if (connection.status === 'DISCONNECTED') {
      throw new LedgerError(
        'CONFLICT',
        'This connection was disconnected; connect the bank again.',
        { connectionId },
      );
    }
  }

  private async accessToken(connectionId: string): Promise<string> {
    const token = await this.ctx.secrets.get(secretAccounts.accessToken(connectionId));
    if (!token)
      throw new LedgerError('NOT_FOUND', 'The keychain has no access token for this connection.');
    return token;
  }

  /**
   * Stable per install and meaningless outside it: Plaid only needs it to be the same each time.
   * A new one is kept once Plaid has made a token with it, so that a refused request (no access
   * token, Plaid unreachable) leaves the ledger as it was.
   */
  private clientUserId(): { id: string; keep(): void } {
    const stored = this.ctx.repos.settings.get(CLIENT_USER_ID_KEY, z.string().min(1), '');
    if (stored) return { id: stored, keep: () => undefined };
    const created = `ledgerlight-${crypto.randomUUID()}`;
    return { id: created, keep: () => this.ctx.repos.settings.set(CLIENT_USER_ID_KEY, created) };
  }

  /** A client for new requests, or for one connection at the address it was made through. */
  private async client(
    connectionId?: string,
  ): Promise<{ api: PlaidApi; credentials: PlaidCredentials }> {
    const credentials = connectionId
      ? await this.ctx.plaid.forConnection(connectionId)
      : await this.ctx.plaid.require();
    return { api: this.ctx.createPlaidApi(credentials), credentials };
  }

  private call<T>(fn: () => Promise<{ data: T }>): Promise<T> {
    return withRetry(
      async () => expectObject((await fn()).data),
      this.ctx.retry.policy,
      this.ctx.retry.deps,
    ).catch((error: unknown) => {
      throw toPlaidFailure(error).toLedgerError();
    });
  }
}
