import { findInstitution, type InstitutionDef, type InstitutionHealth } from './data/institutions';
import type { ProductName } from './plaid-enums';

/** The two products whose status Plaid reports per institution that apps watch most. */
export type StatusProduct = 'item_logins' | 'transactions_updates';

/** A bank's details as a test changes them (a rename, a new colour, a logo added or taken away). */
export interface InstitutionDetails {
  name?: string;
  primaryColor?: string;
  url?: string;
  hasLogo?: boolean;
}

/**
 * What tests change about a Sandbox institution at run time: its details, the products it does
 * not support, and its health per product. The catalogue in data/institutions.ts stays as is.
 */
export class InstitutionOverrides {
  private readonly details = new Map<string, InstitutionDetails>();
  private readonly unsupported = new Map<string, Set<ProductName>>();
  private readonly productHealth = new Map<string, InstitutionHealth>();

  /** The institution as Plaid now describes it. */
  view(institution: InstitutionDef): InstitutionDef {
    const details = this.details.get(institution.id);
    const unsupported = this.unsupported.get(institution.id);
    return {
      ...institution,
      ...details,
      products: unsupported
        ? institution.products.filter((p) => !unsupported.has(p))
        : institution.products,
    };
  }

  setDetails(institutionId: string, details: InstitutionDetails): void {
    known(institutionId);
    this.details.set(institutionId, { ...this.details.get(institutionId), ...details });
  }

  setUnsupported(institutionId: string, products: readonly ProductName[]): void {
    known(institutionId);
    this.unsupported.set(institutionId, new Set(products));
  }

  supports(institution: InstitutionDef, product: ProductName): boolean {
    return !this.unsupported.get(institution.id)?.has(product);
  }

  setProductHealth(
    institutionId: string,
    product: StatusProduct,
    health: InstitutionHealth | null,
  ) {
    known(institutionId);
    const key = `${institutionId}:${product}`;
    if (health === null) this.productHealth.delete(key);
    else this.productHealth.set(key, health);
  }

  /** One product's health when a test set it apart from the institution's. */
  productHealthOf(institutionId: string, product: string): InstitutionHealth | undefined {
    return this.productHealth.get(`${institutionId}:${product}`);
  }

  clearProductHealth(institutionId: string): void {
    for (const key of [...this.productHealth.keys()])
      if (key.startsWith(`${institutionId}:`)) this.productHealth.delete(key);
  }
}

function known(institutionId: string): void {
  if (!findInstitution(institutionId)) throw new Error(`unknown institution ${institutionId}`);
}
