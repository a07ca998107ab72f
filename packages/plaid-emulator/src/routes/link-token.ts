import type {
  LinkTokenCreateRequest,
  LinkTokenCreateResponse,
  LinkTokenGetRequest,
  LinkTokenGetResponse,
} from 'plaid';
import { PlaidApiError } from '../errors';
import type { ProductName } from '../plaid-enums';
import type { LinkTokenConfig } from '../link-sessions';
import type { EmulatorState } from '../state';
import { f } from '../validate';
import { COUNTRY_CODES, LANGUAGES, checkProducts } from './products';
import { plaidRoute } from './route';

export const linkTokenCreate = plaidRoute<LinkTokenCreateRequest, LinkTokenCreateResponse>({
  path: '/link/token/create',
  fields: {
    client_name: f.reqStr({ maxLength: 30 }),
    language: f.reqStr({ oneOf: LANGUAGES }),
    country_codes: {
      kind: 'array',
      required: true,
      minItems: 1,
      items: { kind: 'string', oneOf: COUNTRY_CODES },
    },
    user: f.obj(
      {
        client_user_id: f.reqStr(),
        legal_name: f.str(),
        name: f.any(),
        phone_number: f.str(),
        phone_number_verified_time: f.str({ nullable: true }),
        email_address: f.str(),
        email_address_verified_time: f.str({ nullable: true }),
        ssn: f.str(),
        date_of_birth: f.str({ nullable: true }),
        address: f.any(),
        id_number: f.any(),
      },
      {},
    ),
    user_id: f.str(),
    user_token: f.str(),
    products: f.strArray(),
    required_if_supported_products: f.strArray(),
    optional_products: f.strArray(),
    additional_consented_products: f.strArray(),
    webhook: f.str(),
    access_token: f.str({ nullable: true }),
    access_tokens: f.any(),
    link_customization_name: f.str(),
    appearance_mode: f.any(),
    redirect_uri: f.str(),
    android_package_name: f.str(),
    institution_data: f.any(),
    card_switch: f.any(),
    account_filters: f.any(),
    eu_config: f.any(),
    institution_id: f.str(),
    payment_configuration: f.any(),
    payment_initiation: f.any(),
    employment: f.any(),
    income_verification: f.any(),
    base_report: f.any(),
    credit_partner_insights: f.any(),
    cra_options: f.any(),
    consumer_report_permissible_purpose: f.any(),
    auth: f.any(),
    transfer: f.any(),
    update: f.obj({
      account_selection_enabled: f.bool(),
      reauthorization_enabled: f.bool(),
      user: f.bool(),
      item_ids: f.any(),
    }),
    identity_verification: f.any(),
    statements: f.any(),
    third_party_user_token: f.any(),
    investments: f.any(),
    investments_auth: f.any(),
    hosted_link: f.obj({
      delivery_method: f.str({ oneOf: ['sms', 'email'] }),
      completion_redirect_uri: f.str(),
      url_lifetime_seconds: f.int(60, 86_400),
      is_mobile_app: f.bool(),
    }),
    transactions: f.obj({ days_requested: f.int(1, 730) }),
    cashflow_report: f.any(),
    cra_enabled: f.any(),
    identity: f.any(),
    financekit_supported: f.any(),
    enable_multi_item_link: f.any(),
  },
  handle: ({ body, state, link, requestId, baseUrl }) => {
    if (!body.user && !body.user_id && !body.user_token) {
      throw new PlaidApiError('MISSING_FIELDS', 'the following required fields are missing: user');
    }
    const updateItem = body.access_token ? state.resolveAccessToken(body.access_token) : null;
    let products: ProductName[] = [];
    if (!updateItem) {
      if (body.products === undefined || body.products === null) {
        throw new PlaidApiError(
          'MISSING_FIELDS',
          'the following required fields are missing: products',
        );
      }
      if (body.products.length === 0) {
        throw new PlaidApiError('INVALID_FIELD', 'products must contain at least one product');
      }
      products = checkProducts(body.products, 'products');
    }
    // Optional and required-if-supported products join the Item where its institution has them.
    const ifSupported: ProductName[] = [];
    for (const key of [
      'required_if_supported_products',
      'optional_products',
      'additional_consented_products',
    ] as const) {
      const list = body[key];
      if (list) {
        const checked = checkProducts(list, key);
        if (key !== 'additional_consented_products') ifSupported.push(...checked);
      }
    }
    const redirectUri = body.redirect_uri ? checkRedirectUri(body.redirect_uri, state) : null;
    const hosted = body.hosted_link
      ? {
          completionRedirectUri: body.hosted_link.completion_redirect_uri ?? null,
          urlLifetimeSeconds: body.hosted_link.url_lifetime_seconds ?? 1800,
        }
      : null;
    const config: LinkTokenConfig = {
      clientName: body.client_name,
      language: body.language,
      countryCodes: [...body.country_codes],
      products,
      productsIfSupported: ifSupported.filter((p) => !products.includes(p)),
      webhook: body.webhook ?? null,
      redirectUri,
      clientUserId: body.user?.client_user_id ?? null,
      updateItemId: updateItem?.itemId ?? null,
      accountSelectionEnabled: body.update?.account_selection_enabled === true,
      hostedLink: hosted,
      daysRequested: body.transactions?.days_requested ?? 90,
    };
    const record = link.createToken(config);
    return {
      link_token: record.token,
      expiration: new Date(record.expiresAtMs).toISOString(),
      request_id: requestId,
      ...(record.hostedId ? { hosted_link_url: `${baseUrl}/hl/${record.hostedId}` } : {}),
    };
  },
});

/**
 * redirect_uri rules (PLAID-NOTES §2.1): HTTPS, or http://localhost in Sandbox; no query string,
 * no fragment, no custom scheme; and on the Dashboard allow-list when one is configured.
 */
function checkRedirectUri(value: string, state: EmulatorState): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PlaidApiError('INVALID_FIELD', 'redirect_uri must be a valid URL');
  }
  const localhost = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && localhost)) {
    throw new PlaidApiError(
      'INVALID_FIELD',
      'redirect_uri must use https (http is only allowed for localhost in Sandbox); custom schemes are not supported',
    );
  }
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    throw new PlaidApiError(
      'INVALID_FIELD',
      'redirect_uri must not contain query parameters or fragments',
    );
  }
  const allowed = state.options.allowedRedirectUris;
  if (allowed && !allowed.includes(value)) {
    throw new PlaidApiError(
      'INVALID_FIELD',
      'OAuth redirect URI must be configured in the developer dashboard. See https://dashboard.plaid.com/team/api',
    );
  }
  return value;
}

export const linkTokenGet = plaidRoute<LinkTokenGetRequest, LinkTokenGetResponse>({
  path: '/link/token/get',
  fields: { link_token: f.reqStr() },
  handle: ({ body, link, requestId }) => {
    const record = link.getToken(body.link_token);
    const { config } = record;
    return {
      link_token: record.token,
      created_at: new Date(record.createdAtMs).toISOString(),
      expiration: new Date(record.expiresAtMs).toISOString(),
      link_sessions: link.sessionsView(record),
      metadata: {
        initial_products: config.products,
        webhook: config.webhook,
        country_codes: config.countryCodes,
        language: config.language,
        redirect_uri: config.redirectUri,
        client_name: config.clientName,
      },
      request_id: requestId,
    };
  },
});
