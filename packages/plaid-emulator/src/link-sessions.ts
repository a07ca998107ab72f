import type {
  LinkEvent,
  LinkSessionSuccessMetadataAccount,
  LinkTokenGetSessionsResponse,
} from 'plaid';
import type { AccountKey } from './data/accounts';
import { INSTITUTIONS, findInstitution, type InstitutionDef } from './data/institutions';
import { PlaidApiError, isPlaidErrorCode, type PlaidErrorBody } from './errors';
import { tokenKind } from './ids';
import { plannedAccounts, type EmulatedItem, type ItemAccount } from './items';
import type { CountryCodeName, ProductName } from './plaid-enums';
import type { EmulatorState } from './state';
import type { Wire } from './wire';

/**
 * Link's server side: link tokens, the sessions opened with them and what each session produced.
 * The fake Link page drives it over JSON, and control.completeLink() drives it directly (that is how
 * a Hosted Link completion is simulated without a browser).
 */

const LINK_TOKEN_LIFETIME_MS = 4 * 3_600_000;
const UPDATE_MODE_LIFETIME_MS = 30 * 60_000;

export interface LinkTokenConfig {
  clientName: string;
  language: string;
  countryCodes: CountryCodeName[];
  products: ProductName[];
  /** optional_products and required_if_supported_products: added where the institution has them. */
  productsIfSupported: ProductName[];
  webhook: string | null;
  redirectUri: string | null;
  clientUserId: string | null;
  /** Update mode: the Item being repaired. */
  updateItemId: string | null;
  accountSelectionEnabled: boolean;
  hostedLink: { completionRedirectUri: string | null; urlLifetimeSeconds: number } | null;
  daysRequested: number;
}

export interface LinkAccountView {
  id: string;
  name: string;
  mask: string;
  type: string;
  subtype: string;
  verification_status: null;
  class_type: null;
}

export interface LinkInstitutionView {
  institution_id: string;
  name: string;
  oauth: boolean;
  status: string;
  primary_color: string;
}

export interface LinkSession {
  id: string;
  startedAtMs: number;
  finishedAtMs: number | null;
  institution: InstitutionDef | null;
  username: string | null;
  ordinal: number | null;
  offered: ItemAccount[];
  oauthStateId: string | null;
  state: 'started' | 'authenticated' | 'success' | 'exited';
  result: { publicToken: string; itemId: string; accounts: LinkAccountView[] } | null;
  exit: { error: PlaidErrorBody | null; status: string | null } | null;
  events: Array<Wire<LinkEvent>>;
}

export interface LinkTokenRecord {
  token: string;
  createdAtMs: number;
  expiresAtMs: number;
  config: LinkTokenConfig;
  sessions: LinkSession[];
  hostedId: string | null;
  hostedExpiresAtMs: number | null;
}

export interface StartView {
  link_session_id: string;
  mode: 'new' | 'update';
  client_name: string;
  account_selection: boolean;
  hosted: boolean;
  completion_redirect_uri: string | null;
  institutions: LinkInstitutionView[];
  /** Update mode, or an OAuth session resumed after its redirect. */
  institution: LinkInstitutionView | null;
  /** Set when an OAuth session resumes: go straight to account selection. */
  accounts: LinkAccountView[] | null;
  /** Update mode: the accounts the Item shares now, checked at first in account selection. */
  shared_account_ids: string[] | null;
}

export class LinkService {
  private readonly tokens = new Map<string, LinkTokenRecord>();
  private readonly sessions = new Map<string, { record: LinkTokenRecord; session: LinkSession }>();
  private readonly hosted = new Map<string, LinkTokenRecord>();

  constructor(private readonly state: EmulatorState) {}

  createToken(config: LinkTokenConfig): LinkTokenRecord {
    const now = this.state.clock.nowMs();
    const record: LinkTokenRecord = {
      token: this.state.newToken('link'),
      createdAtMs: now,
      expiresAtMs: now + (config.updateItemId ? UPDATE_MODE_LIFETIME_MS : LINK_TOKEN_LIFETIME_MS),
      config,
      sessions: [],
      hostedId: null,
      hostedExpiresAtMs: null,
    };
    if (config.hostedLink) {
      record.hostedId = this.state.newUuid().replace(/-/g, '');
      record.hostedExpiresAtMs = now + config.hostedLink.urlLifetimeSeconds * 1000;
      this.hosted.set(record.hostedId, record);
    }
    this.tokens.set(record.token, record);
    return record;
  }

  /** For /link/token/get: any token this emulator issued, even an expired one. */
  getToken(linkToken: string): LinkTokenRecord {
    const record = tokenKind(linkToken) === 'link' ? this.tokens.get(linkToken) : undefined;
    if (!record) throw new PlaidApiError('INVALID_LINK_TOKEN');
    return record;
  }

  /** A token Link may still be opened with. */
  usableToken(linkToken: string): LinkTokenRecord {
    const record = this.getToken(linkToken);
    if (this.state.clock.nowMs() > record.expiresAtMs) {
      throw new PlaidApiError('INVALID_LINK_TOKEN', 'provided link token is expired');
    }
    return record;
  }

  hostedRecord(hostedId: string): LinkTokenRecord | null {
    const record = this.hosted.get(hostedId);
    if (!record || record.hostedExpiresAtMs === null) return null;
    return this.state.clock.nowMs() > record.hostedExpiresAtMs ? null : record;
  }

  start(linkToken: string, receivedRedirectUri: string | null): StartView {
    const record = this.usableToken(linkToken);
    const { config } = record;
    if (receivedRedirectUri) return this.resumeOAuth(record, receivedRedirectUri);
    const session: LinkSession = {
      id: this.state.newUuid(),
      startedAtMs: this.state.clock.nowMs(),
      finishedAtMs: null,
      institution: null,
      username: null,
      ordinal: null,
      offered: [],
      oauthStateId: null,
      state: 'started',
      result: null,
      exit: null,
      events: [],
    };
    record.sessions.push(session);
    this.sessions.set(session.id, { record, session });
    this.event(session, 'OPEN', {});
    let institution: LinkInstitutionView | null = null;
    if (config.updateItemId) {
      const item = this.state.item(config.updateItemId);
      session.institution = item.institution;
      institution = this.institutionView(item.institution);
    }
    return {
      link_session_id: session.id,
      mode: config.updateItemId ? 'update' : 'new',
      client_name: config.clientName,
      account_selection: !config.updateItemId || config.accountSelectionEnabled,
      hosted: config.hostedLink !== null,
      completion_redirect_uri: config.hostedLink?.completionRedirectUri ?? null,
      institutions: config.updateItemId
        ? []
        : INSTITUTIONS.filter((i) =>
            i.countryCodes.some((c) => config.countryCodes.includes(c)),
          ).map((i) => this.institutionView(i)),
      institution,
      accounts: null,
      shared_account_ids: config.updateItemId
        ? this.state.item(config.updateItemId).accounts.map((a) => a.accountId)
        : null,
    };
  }

  /** Sign-in with the sandbox users (PLAID-NOTES §9). */
  submitCredentials(
    sessionId: string,
    institutionId: string,
    username: string,
    password: string,
  ): LinkAccountView[] {
    const { record, session } = this.openSession(sessionId);
    const institution = this.chooseInstitution(record, session, institutionId);
    this.event(session, 'SUBMIT_CREDENTIALS', {});
    const valid =
      (username === 'user_good' && password === 'pass_good') ||
      (username === 'user_transactions_dynamic' && password.length > 0);
    const item = record.config.updateItemId ? this.state.item(record.config.updateItemId) : null;
    if (!valid || (item && item.username !== username)) {
      const error = new PlaidApiError('INVALID_CREDENTIALS');
      this.event(session, 'ERROR', {
        error_code: error.code,
        error_type: error.type,
        error_message: error.message,
      });
      throw error;
    }
    return this.authenticate(record, session, institution, username);
  }

  /** The simulated bank consent of an OAuth institution; returns where to redirect, if anywhere. */
  authorizeOAuth(
    sessionId: string,
    institutionId: string,
  ): { accounts: LinkAccountView[]; redirect: string | null } {
    const { record, session } = this.openSession(sessionId);
    const institution = this.chooseInstitution(record, session, institutionId);
    if (!institution.oauth)
      throw new PlaidApiError('INVALID_INSTITUTION', 'this institution does not use OAuth');
    this.event(session, 'OPEN_OAUTH', {});
    const item = record.config.updateItemId ? this.state.item(record.config.updateItemId) : null;
    const accounts = this.authenticate(record, session, institution, item?.username ?? 'user_good');
    session.oauthStateId = this.state.newUuid();
    const redirectUri = record.config.redirectUri;
    const redirect = redirectUri ? `${redirectUri}?oauth_state_id=${session.oauthStateId}` : null;
    return { accounts, redirect };
  }

  finish(
    sessionId: string,
    accountIds: readonly string[],
  ): { publicToken: string; item: EmulatedItem; accounts: LinkAccountView[] } {
    const { record, session } = this.openSession(sessionId);
    if (session.state !== 'authenticated' || !session.institution || !session.username) {
      throw new PlaidApiError(
        'INVALID_FIELD',
        'the session has not signed in to an institution yet',
      );
    }
    const chosen = session.offered.filter((a) => accountIds.includes(a.accountId));
    if (chosen.length === 0) throw new PlaidApiError('NO_ACCOUNTS');
    const { config } = record;
    let item: EmulatedItem;
    if (config.updateItemId) {
      item = this.state.item(config.updateItemId);
      // With account selection the Item holds exactly what the person chose, as with Plaid.
      if (config.accountSelectionEnabled) item.shareAccounts(chosen.map((a) => a.key));
      // Update mode repairs the login; renewed consent starts a new term.
      item.error = null;
      if (
        item.consentExpiration &&
        Date.parse(item.consentExpiration) <= this.state.clock.nowMs()
      ) {
        item.consentExpiration = new Date(
          this.state.clock.nowMs() + 365 * 86_400_000,
        ).toISOString();
      }
    } else {
      const institution = session.institution;
      item = this.state.createItem({
        institution,
        username: session.username,
        accountKeys: chosen.map((a) => a.key) as AccountKey[],
        daysRequested: config.daysRequested,
        products: [
          ...config.products,
          ...config.productsIfSupported.filter((p) => institution.products.includes(p)),
        ],
        webhook: config.webhook,
        ordinal: session.ordinal ?? undefined,
      });
    }
    const publicToken = this.state.issuePublicToken(item);
    const accounts = chosen.map(accountView);
    session.state = 'success';
    session.finishedAtMs = this.state.clock.nowMs();
    session.result = { publicToken, itemId: item.itemId, accounts };
    this.event(session, 'HANDOFF', {});
    return { publicToken, item, accounts };
  }

  exit(sessionId: string, status: string | null, errorCode: string | null): void {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new PlaidApiError('INVALID_FIELD', 'unknown link_session_id');
    const { session } = entry;
    if (session.state === 'success') return;
    const error =
      errorCode !== null && isPlaidErrorCode(errorCode)
        ? new PlaidApiError(errorCode).body(this.state.newRequestId())
        : null;
    session.state = 'exited';
    session.finishedAtMs = this.state.clock.nowMs();
    session.exit = { error, status };
    this.event(session, 'EXIT', status ? { exit_status: status } : {});
  }

  sessionsView(record: LinkTokenRecord): Array<Wire<LinkTokenGetSessionsResponse>> {
    return record.sessions.map((s) => ({
      link_session_id: s.id,
      started_at: new Date(s.startedAtMs).toISOString(),
      finished_at: s.finishedAtMs === null ? null : new Date(s.finishedAtMs).toISOString(),
      exit: s.exit
        ? {
            error: s.exit.error,
            metadata: {
              status: s.exit.status ?? undefined,
              link_session_id: s.id,
              institution: s.institution
                ? { name: s.institution.name, institution_id: s.institution.id }
                : null,
            },
          }
        : null,
      results: s.result
        ? {
            item_add_results: [
              {
                public_token: s.result.publicToken,
                accounts: s.result.accounts.map((a): Wire<LinkSessionSuccessMetadataAccount> => ({
                  ...a,
                })),
                institution: s.institution
                  ? { name: s.institution.name, institution_id: s.institution.id }
                  : null,
              },
            ],
            cra_item_add_results: [],
            cra_update_results: [],
            bank_income_results: [],
            payroll_income_results: [],
            document_income_results: null,
          }
        : null,
      events: s.events,
    }));
  }

  institutionView(institution: InstitutionDef): LinkInstitutionView {
    return {
      institution_id: institution.id,
      name: institution.name,
      oauth: institution.oauth,
      status: this.state.institutionHealth(institution),
      primary_color: institution.primaryColor,
    };
  }

  private resumeOAuth(record: LinkTokenRecord, receivedRedirectUri: string): StartView {
    let stateId: string | null = null;
    try {
      stateId = new URL(receivedRedirectUri).searchParams.get('oauth_state_id');
    } catch {
      stateId = null;
    }
    const session = record.sessions.find(
      (s) => s.oauthStateId !== null && s.oauthStateId === stateId,
    );
    if (!session || session.state !== 'authenticated' || !session.institution) {
      throw new PlaidApiError(
        'INVALID_FIELD',
        'receivedRedirectUri does not match an OAuth session of this link token',
      );
    }
    this.event(session, 'CLOSE_OAUTH', {});
    return {
      link_session_id: session.id,
      mode: record.config.updateItemId ? 'update' : 'new',
      client_name: record.config.clientName,
      account_selection: true,
      hosted: record.config.hostedLink !== null,
      completion_redirect_uri: record.config.hostedLink?.completionRedirectUri ?? null,
      institutions: [],
      institution: this.institutionView(session.institution),
      accounts: session.offered.map(accountView),
      shared_account_ids: record.config.updateItemId
        ? this.state.item(record.config.updateItemId).accounts.map((a) => a.accountId)
        : null,
    };
  }

  private openSession(sessionId: string): { record: LinkTokenRecord; session: LinkSession } {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new PlaidApiError('INVALID_FIELD', 'unknown link_session_id');
    if (entry.session.state === 'success' || entry.session.state === 'exited') {
      throw new PlaidApiError('INVALID_FIELD', 'this Link session has already finished');
    }
    if (this.state.clock.nowMs() > entry.record.expiresAtMs) {
      throw new PlaidApiError('INVALID_LINK_TOKEN', 'provided link token is expired');
    }
    return entry;
  }

  private chooseInstitution(
    record: LinkTokenRecord,
    session: LinkSession,
    institutionId: string,
  ): InstitutionDef {
    const updateItem = record.config.updateItemId
      ? this.state.item(record.config.updateItemId)
      : null;
    const institution = updateItem ? updateItem.institution : findInstitution(institutionId);
    if (!institution) throw new PlaidApiError('INVALID_INSTITUTION');
    if (!updateItem) {
      session.institution = institution;
      this.event(session, 'SELECT_INSTITUTION', {
        institution_id: institution.id,
        institution_name: institution.name,
      });
    }
    if (this.state.institutionHealth(institution) === 'DOWN') {
      const error = new PlaidApiError('INSTITUTION_DOWN');
      this.event(session, 'ERROR', {
        error_code: error.code,
        error_type: error.type,
        error_message: error.message,
      });
      throw error;
    }
    return institution;
  }

  private authenticate(
    record: LinkTokenRecord,
    session: LinkSession,
    institution: InstitutionDef,
    username: string,
  ): LinkAccountView[] {
    session.username = username;
    if (record.config.updateItemId) {
      const item = this.state.item(record.config.updateItemId);
      // Account selection offers every account the person holds at the bank, shared or not.
      session.offered = record.config.accountSelectionEnabled
        ? plannedAccounts(this.state.seed, item.ordinal, item.institution)
        : item.accounts;
    } else {
      session.ordinal ??= this.state.reserveOrdinal();
      session.offered = plannedAccounts(this.state.seed, session.ordinal, institution);
    }
    session.state = 'authenticated';
    return session.offered.map(accountView);
  }

  private event(
    session: LinkSession,
    name: string,
    metadata: Wire<LinkEvent>['event_metadata'],
  ): void {
    session.events.push({
      event_name: name,
      timestamp: this.state.clock.nowIso(),
      event_id: this.state.newUuid(),
      event_metadata: {
        ...metadata,
        ...(session.institution
          ? { institution_id: session.institution.id, institution_name: session.institution.name }
          : {}),
      },
    });
  }
}

export function accountView(account: ItemAccount): LinkAccountView {
  return {
    id: account.accountId,
    name: account.template.name,
    mask: account.template.mask,
    type: account.template.type,
    subtype: account.template.subtype,
    verification_status: null,
    class_type: null,
  };
}
