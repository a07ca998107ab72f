import type { AccountSubtype, CountryCode, Products } from 'plaid';

/** The SDK's string enums as plain string unions (see wire.ts). */
export type ProductName = `${Products}`;
export type CountryCodeName = `${CountryCode}`;
export type AccountSubtypeName = `${AccountSubtype}`;
