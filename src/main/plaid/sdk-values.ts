import type { CountryCode as SdkCountryCode, Products as SdkProducts } from 'plaid';
import type { PlaidEnvironment } from '../../shared/model';

/**
 * The few values of the plaid SDK that Ledgerlight uses outside a client, declared here so that
 * nothing loads the SDK before a client is made (client.ts): its generated code takes ~0.3 s to
 * load, which was most of the host's start. A unit test holds them equal to the SDK's own.
 */
export const CountryCode = {
  Us: 'US' as SdkCountryCode.Us,
  Ca: 'CA' as SdkCountryCode.Ca,
} as const;

export const Products = {
  Transactions: 'transactions' as SdkProducts.Transactions,
  Investments: 'investments' as SdkProducts.Investments,
  Liabilities: 'liabilities' as SdkProducts.Liabilities,
} as const;

/** Plaid's API host for each environment (the SDK's `PlaidEnvironments`). */
export const PlaidEnvironments: Record<PlaidEnvironment, string> = {
  production: 'https://production.plaid.com',
  sandbox: 'https://sandbox.plaid.com',
};
