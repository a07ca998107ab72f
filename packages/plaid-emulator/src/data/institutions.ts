import type { CountryCodeName, ProductName } from '../plaid-enums';
import type { AccountKey } from './accounts';

/** Plaid's sandbox institutions (PLAID-NOTES §9), with the accounts their test users hold here. */

export type InstitutionHealth = 'HEALTHY' | 'DEGRADED' | 'DOWN';

export interface InstitutionDef {
  id: string;
  name: string;
  oauth: boolean;
  url: string;
  primaryColor: string;
  /** Some real institutions have no logo; Plaid then sends null. */
  hasLogo: boolean;
  countryCodes: CountryCodeName[];
  routingNumbers: string[];
  products: ProductName[];
  health: InstitutionHealth;
  accounts: AccountKey[];
}

const PRODUCTS: ProductName[] = [
  'assets',
  'auth',
  'balance',
  'identity',
  'investments',
  'liabilities',
  'transactions',
];

export const INSTITUTIONS: readonly InstitutionDef[] = [
  {
    id: 'ins_109508',
    name: 'First Platypus Bank',
    oauth: false,
    url: 'https://www.platypus.com',
    primaryColor: '#1f1f1f',
    hasLogo: true,
    countryCodes: ['US'],
    routingNumbers: ['011000138', '011200365', '011400495'],
    products: PRODUCTS,
    health: 'HEALTHY',
    accounts: ['checking', 'savings', 'card', 'cad', 'ira', 'k401', 'student', 'mortgage'],
  },
  {
    id: 'ins_109511',
    name: 'Tartan Bank',
    oauth: false,
    url: 'https://www.tartanbank.com',
    primaryColor: '#174d2c',
    hasLogo: true,
    countryCodes: ['US', 'CA'],
    routingNumbers: ['021000021'],
    products: PRODUCTS,
    health: 'HEALTHY',
    accounts: ['checking', 'savings'],
  },
  {
    id: 'ins_109512',
    name: 'Houndstooth Bank',
    oauth: false,
    url: 'https://www.houndstoothbank.com',
    primaryColor: '#4b3b8f',
    hasLogo: false,
    countryCodes: ['US'],
    routingNumbers: ['026009593'],
    products: PRODUCTS,
    health: 'HEALTHY',
    accounts: ['checking', 'card', 'brokerage'],
  },
  {
    id: 'ins_127287',
    name: 'Platypus OAuth Bank',
    oauth: true,
    url: 'https://oauth.platypus.com',
    primaryColor: '#0a6ebd',
    hasLogo: true,
    countryCodes: ['US'],
    routingNumbers: ['011000028'],
    products: PRODUCTS,
    health: 'HEALTHY',
    accounts: ['checking', 'savings', 'card', 'ira', 'student', 'mortgage'],
  },
  {
    id: 'ins_132363',
    name: 'Unhealthy Platypus Bank - Degraded',
    oauth: false,
    url: 'https://degraded.platypus.com',
    primaryColor: '#b35c00',
    hasLogo: true,
    countryCodes: ['US'],
    routingNumbers: ['011000015'],
    products: PRODUCTS,
    health: 'DEGRADED',
    accounts: ['checking', 'savings', 'card'],
  },
  {
    id: 'ins_132361',
    name: 'Unhealthy Platypus Bank - Down',
    oauth: false,
    url: 'https://down.platypus.com',
    primaryColor: '#9b1c1c',
    hasLogo: true,
    countryCodes: ['US'],
    routingNumbers: ['011000016'],
    products: PRODUCTS,
    health: 'DOWN',
    accounts: ['checking', 'savings'],
  },
];

export function findInstitution(id: string): InstitutionDef | undefined {
  return INSTITUTIONS.find((institution) => institution.id === id);
}
