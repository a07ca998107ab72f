import type {
  SandboxItemResetLoginRequest,
  SandboxItemResetLoginResponse,
  SandboxPublicTokenCreateRequest,
  SandboxPublicTokenCreateResponse,
} from 'plaid';
import { findInstitution } from '../data/institutions';
import { PlaidApiError } from '../errors';
import { f } from '../validate';
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
