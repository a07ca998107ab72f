import type { Institution as PlaidInstitution, InstitutionStatus, ProductStatus } from 'plaid';
import type { InstitutionHealth } from '../../shared/model';
import type { InstitutionAnswer } from '../db/institutions-repo';

const RANK: Record<InstitutionHealth, number> = { HEALTHY: 0, DEGRADED: 1, DOWN: 2 };

function health(product: ProductStatus | null | undefined): InstitutionHealth | null {
  const value = product?.status as string | undefined;
  return value === 'HEALTHY' || value === 'DEGRADED' || value === 'DOWN' ? value : null;
}

/**
 * Plaid's status for the two products Ledgerlight relies on: new transactions arriving
 * (`transactions_updates`) and signing in (`item_logins`). The worse of them is the bank's.
 */
export function readStatus(
  status: InstitutionStatus | null | undefined,
): InstitutionAnswer['status'] {
  if (!status) return null;
  const transactions = health(status.transactions_updates);
  const logins = health(status.item_logins);
  const known = [
    { health: transactions, product: status.transactions_updates },
    { health: logins, product: status.item_logins },
  ].filter((p): p is { health: InstitutionHealth; product: ProductStatus } => p.health !== null);
  if (known.length === 0) return null;
  const worst = known.reduce((a, b) => (RANK[b.health] > RANK[a.health] ? b : a));
  const incident = (status.health_incidents ?? []).find((i) => !i.end_date);
  return {
    overall: worst.health,
    transactions,
    logins,
    changedAt: worst.product.last_status_change ?? null,
    incident: incident?.title ?? null,
  };
}

/** Plaid's institution (asked with include_optional_metadata and include_status) as kept here. */
export function readInstitution(institution: PlaidInstitution): InstitutionAnswer {
  return {
    id: institution.institution_id,
    name: institution.name,
    logo: institution.logo ? `data:image/png;base64,${institution.logo}` : null,
    primaryColor: institution.primary_color ?? null,
    url: institution.url ?? null,
    status: readStatus(institution.status),
  };
}
