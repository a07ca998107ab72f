import type {
  InstitutionsGetByIdRequest,
  InstitutionsGetByIdResponse,
  InstitutionStatus,
  ProductStatus,
} from 'plaid';
import { squareLogoPng } from '../data/logo';
import { findInstitution, type InstitutionDef, type InstitutionHealth } from '../data/institutions';
import { addDays } from '../dates';
import { PlaidApiError } from '../errors';
import type { Wire } from '../wire';
import { f } from '../validate';
import { COUNTRY_CODES } from './products';
import { plaidRoute } from './route';

const logos = new Map<string, string>();

function logoOf(institution: InstitutionDef): string | null {
  if (!institution.hasLogo) return null;
  const key = `${institution.id}:${institution.primaryColor}`;
  let logo = logos.get(key);
  if (!logo) {
    logo = squareLogoPng(institution.primaryColor);
    logos.set(key, logo);
  }
  return logo;
}

const BREAKDOWN: Record<InstitutionHealth, Wire<ProductStatus>['breakdown']> = {
  HEALTHY: {
    success: 0.99,
    error_plaid: 0.005,
    error_institution: 0.005,
    refresh_interval: 'NORMAL',
  },
  DEGRADED: {
    success: 0.61,
    error_plaid: 0.04,
    error_institution: 0.35,
    refresh_interval: 'DELAYED',
  },
  DOWN: { success: 0, error_plaid: 0.02, error_institution: 0.98, refresh_interval: 'STOPPED' },
};

function changedOn(health: InstitutionHealth, today: string): string {
  return `${addDays(today, health === 'HEALTHY' ? -30 : -1)}T09:12:00Z`;
}

/**
 * Plaid's InstitutionStatus: one ProductStatus per product, each with its own health when a
 * test set one product apart (`productHealth`), and an open incident while any is unhealthy.
 */
function statusOf(
  institutionHealth: InstitutionHealth,
  today: string,
  productHealth: (product: string) => InstitutionHealth | undefined,
): Wire<InstitutionStatus> {
  const productStatus = (name: string): Wire<ProductStatus> => {
    const own = productHealth(name) ?? institutionHealth;
    return {
      status: own,
      last_status_change: changedOn(own, today),
      breakdown: { ...BREAKDOWN[own] },
    };
  };
  const seen = [
    institutionHealth,
    productHealth('item_logins'),
    productHealth('transactions_updates'),
  ];
  const health: InstitutionHealth = seen.includes('DOWN')
    ? 'DOWN'
    : seen.includes('DEGRADED')
      ? 'DEGRADED'
      : 'HEALTHY';
  const changed = changedOn(health, today);
  const product = (): Wire<ProductStatus> => productStatus('other');
  return {
    item_logins: productStatus('item_logins'),
    transactions_updates: productStatus('transactions_updates'),
    auth: product(),
    identity: product(),
    investments_updates: product(),
    liabilities_updates: product(),
    liabilities: product(),
    investments: product(),
    health_incidents:
      health === 'HEALTHY'
        ? []
        : [
            {
              start_date: changed,
              end_date: null,
              title: health === 'DOWN' ? 'Connectivity outage' : 'Intermittent connectivity issues',
              incident_updates: [
                {
                  description:
                    'We are investigating reports of failed connections to this institution.',
                  status: 'INVESTIGATING',
                  updated_date: changed,
                },
              ],
            },
          ],
  };
}

export const institutionsGetById = plaidRoute<
  InstitutionsGetByIdRequest,
  InstitutionsGetByIdResponse
>({
  path: '/institutions/get_by_id',
  fields: {
    institution_id: f.reqStr(),
    country_codes: {
      kind: 'array',
      required: true,
      minItems: 1,
      items: { kind: 'string', oneOf: COUNTRY_CODES },
    },
    options: f.obj({
      include_optional_metadata: f.bool(),
      include_status: f.bool(),
      include_auth_metadata: f.bool(),
      include_payment_initiation_metadata: f.bool(),
    }),
  },
  handle: ({ body, state, requestId }) => {
    const found = findInstitution(body.institution_id);
    const institution = found ? state.institutionOverrides.view(found) : undefined;
    if (!institution || !institution.countryCodes.some((c) => body.country_codes.includes(c))) {
      throw new PlaidApiError('INVALID_INSTITUTION');
    }
    const options = body.options ?? {};
    return {
      institution: {
        institution_id: institution.id,
        name: institution.name,
        products: [...institution.products],
        country_codes: [...institution.countryCodes],
        routing_numbers: [...institution.routingNumbers],
        dtc_numbers: [],
        oauth: institution.oauth,
        ...(options.include_optional_metadata
          ? {
              logo: logoOf(institution),
              primary_color: institution.primaryColor,
              url: institution.url,
            }
          : {}),
        ...(options.include_status
          ? {
              status: statusOf(state.institutionHealth(institution), state.date, (product) =>
                state.institutionOverrides.productHealthOf(institution.id, product),
              ),
            }
          : {}),
      },
      request_id: requestId,
    };
  },
});
