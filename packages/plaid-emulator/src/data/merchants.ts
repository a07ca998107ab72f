/**
 * A curated cast of counterparties. Each entry carries what a real Plaid feed shows for it: the raw
 * descriptor (posted and pending differ), the cleaned merchant name, the personal finance category,
 * channel, location and the legacy category. Amounts are dollar ranges in the account's currency.
 */

export interface StoreLocation {
  address: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  lat: number;
  lon: number;
  store_number: string | null;
}

export interface Counterparty {
  name: string;
  /** Plaid's CounterpartyType values. */
  type: 'merchant' | 'financial_institution' | 'payment_app' | 'marketplace' | 'income_source';
  website: string | null;
}

export interface Merchant {
  key: string;
  /** `name` on the posted transaction: the bank's raw descriptor. */
  descriptor: string;
  /** `name` while pending, often the processor's shorter form. */
  pendingDescriptor: string;
  merchantName: string | null;
  website: string | null;
  entityId: string | null;
  pfc: { primary: string; detailed: string };
  legacyCategory: { names: string[]; id: string };
  channel: 'in store' | 'online' | 'other';
  transactionType: 'place' | 'digital' | 'special' | 'unresolved';
  mcc: string | null;
  amount: [number, number];
  /** Restaurants: the posted amount includes a tip the pending authorisation lacked. */
  tip?: boolean;
  /** Plaid enriches some transactions only after they post: they arrive bare and are modified. */
  enrichable?: boolean;
  location: StoreLocation | null;
  counterparty: Counterparty | null;
  paymentMeta?: Partial<Record<PaymentMetaKey, string>>;
}

export type PaymentMetaKey =
  | 'reference_number'
  | 'ppd_id'
  | 'payee'
  | 'by_order_of'
  | 'payer'
  | 'payment_method'
  | 'payment_processor'
  | 'reason';

function sf(
  address: string,
  postal: string,
  lat: number,
  lon: number,
  store: string | null,
): StoreLocation {
  return {
    address,
    city: 'San Francisco',
    region: 'CA',
    postal_code: postal,
    country: 'US',
    lat,
    lon,
    store_number: store,
  };
}

function toronto(
  address: string,
  postal: string,
  lat: number,
  lon: number,
  store: string | null,
): StoreLocation {
  return {
    address,
    city: 'Toronto',
    region: 'ON',
    postal_code: postal,
    country: 'CA',
    lat,
    lon,
    store_number: store,
  };
}

interface MerchantInput extends Omit<
  Merchant,
  'counterparty' | 'pendingDescriptor' | 'transactionType'
> {
  pendingDescriptor?: string;
  counterpartyType?: Counterparty['type'] | null;
  transactionType?: Merchant['transactionType'];
}

function m(input: MerchantInput): Merchant {
  const { counterpartyType, ...rest } = input;
  return {
    ...rest,
    pendingDescriptor: input.pendingDescriptor ?? input.descriptor,
    transactionType:
      input.transactionType ??
      (input.channel === 'in store' ? 'place' : input.channel === 'online' ? 'digital' : 'special'),
    counterparty:
      counterpartyType === null || input.merchantName === null
        ? null
        : {
            name: input.merchantName,
            type: counterpartyType ?? 'merchant',
            website: input.website,
          },
  };
}

const pfc = (primary: string, detailed: string) => ({
  primary,
  detailed: `${primary}_${detailed}`,
});
const legacy = (id: string, ...names: string[]) => ({ id, names });

export const GROCERIES = [
  m({
    key: 'safeway',
    descriptor: 'SAFEWAY #1507 SAN FRANCISCO CA',
    pendingDescriptor: 'SAFEWAY #1507',
    merchantName: 'Safeway',
    website: 'safeway.com',
    entityId: 'O5W5j4dN9OR3E6ypQmjdkWZZRoXEzVMz2ByWM',
    pfc: pfc('FOOD_AND_DRINK', 'GROCERIES'),
    legacyCategory: legacy('19047000', 'Shops', 'Supermarkets and Groceries'),
    channel: 'in store',
    mcc: '5411',
    amount: [18, 165],
    location: sf('2020 Market St', '94114', 37.7688, -122.4274, '1507'),
  }),
  m({
    key: 'traderjoes',
    descriptor: "TRADER JOE'S #236 SAN FRANCISCO CA",
    pendingDescriptor: "TRADER JOE'S #236",
    merchantName: "Trader Joe's",
    website: 'traderjoes.com',
    entityId: 'vzWXDWBjB06j5gNjK8R2M7m8gW2pANvrAdPdq',
    pfc: pfc('FOOD_AND_DRINK', 'GROCERIES'),
    legacyCategory: legacy('19047000', 'Shops', 'Supermarkets and Groceries'),
    channel: 'in store',
    mcc: '5411',
    amount: [12, 95],
    location: sf('555 9th St', '94103', 37.7705, -122.4076, '236'),
  }),
  m({
    key: 'wholefoods',
    descriptor: 'WHOLEFDS MKT 10234 SAN FRANCISCO CA',
    pendingDescriptor: 'WHOLEFDS MKT 10234',
    merchantName: 'Whole Foods Market',
    website: 'wholefoodsmarket.com',
    entityId: 'BN6ZnwdrOVAnV3XJQRjB5eoNEDPkZ9VKx5pzw',
    pfc: pfc('FOOD_AND_DRINK', 'GROCERIES'),
    legacyCategory: legacy('19047000', 'Shops', 'Supermarkets and Groceries'),
    channel: 'in store',
    mcc: '5411',
    amount: [22, 140],
    location: sf('2001 Market St', '94114', 37.7679, -122.4268, '10234'),
  }),
];

export const COFFEE = [
  m({
    key: 'bluebottle',
    descriptor: 'BLUE BOTTLE COFFEE SAN FRANCISCO CA',
    pendingDescriptor: 'SQ *BLUE BOTTLE COFFEE',
    merchantName: 'Blue Bottle Coffee',
    website: 'bluebottlecoffee.com',
    entityId: 'Xm5ZWqbMgq1yZ4gJdB5kBn4xnbwO4Jj8LDqZ1',
    pfc: pfc('FOOD_AND_DRINK', 'COFFEE'),
    legacyCategory: legacy('13005043', 'Food and Drink', 'Restaurants', 'Coffee Shop'),
    channel: 'in store',
    mcc: '5814',
    amount: [4.5, 14],
    location: sf('66 Mint St', '94103', 37.7823, -122.4078, null),
    paymentMeta: { payment_processor: 'Square' },
  }),
  m({
    key: 'starbucks',
    descriptor: 'STARBUCKS STORE 05623 SAN FRANCISCO CA',
    pendingDescriptor: 'STARBUCKS STORE 05623',
    merchantName: 'Starbucks',
    website: 'starbucks.com',
    entityId: 'NZAJQ5wYdo1W1p39X5q5gpb15OMe39pj4pJBb',
    pfc: pfc('FOOD_AND_DRINK', 'COFFEE'),
    legacyCategory: legacy('13005043', 'Food and Drink', 'Restaurants', 'Coffee Shop'),
    channel: 'in store',
    mcc: '5814',
    amount: [3.75, 11.5],
    location: sf('295 California St', '94111', 37.7932, -122.3995, '05623'),
  }),
];

export const DINING = [
  m({
    key: 'nopa',
    descriptor: 'NOPA RESTAURANT SAN FRANCISCO CA',
    pendingDescriptor: 'NOPA RESTAURANT',
    merchantName: 'Nopa',
    website: 'nopasf.com',
    entityId: 'eA9Wmb2kN7y2W4Bn7AdmL0kXq2r6nXmJzoZ0E',
    pfc: pfc('FOOD_AND_DRINK', 'RESTAURANT'),
    legacyCategory: legacy('13005000', 'Food and Drink', 'Restaurants'),
    channel: 'in store',
    mcc: '5812',
    amount: [38, 140],
    tip: true,
    location: sf('560 Divisadero St', '94117', 37.7748, -122.4375, null),
  }),
  m({
    key: 'zuni',
    descriptor: 'ZUNI CAFE SAN FRANCISCO CA',
    pendingDescriptor: 'TST* ZUNI CAFE',
    merchantName: 'Zuni Café',
    website: 'zunicafe.com',
    entityId: 'p3mKd8aX1qPnRzo6yBvJ9e2Lw0QkGt5UhYcVs',
    pfc: pfc('FOOD_AND_DRINK', 'RESTAURANT'),
    legacyCategory: legacy('13005000', 'Food and Drink', 'Restaurants'),
    channel: 'in store',
    mcc: '5812',
    amount: [45, 180],
    tip: true,
    location: sf('1658 Market St', '94102', 37.7736, -122.4216, null),
    paymentMeta: { payment_processor: 'Toast' },
  }),
  m({
    key: 'chipotle',
    descriptor: 'CHIPOTLE 1012 SAN FRANCISCO CA',
    pendingDescriptor: 'CHIPOTLE 1012',
    merchantName: 'Chipotle Mexican Grill',
    website: 'chipotle.com',
    entityId: 'rBNzvA9LJ1XmEd0ZgP8kOq2yW6x4sTnMcHfVu',
    pfc: pfc('FOOD_AND_DRINK', 'FAST_FOOD'),
    legacyCategory: legacy('13005032', 'Food and Drink', 'Restaurants', 'Fast Food'),
    channel: 'in store',
    mcc: '5814',
    amount: [10.5, 24],
    location: sf('2 Stockton St', '94108', 37.7857, -122.4065, '1012'),
  }),
  m({
    key: 'mcdonalds',
    descriptor: "MCDONALD'S F3457 SAN FRANCISCO CA",
    pendingDescriptor: "MCDONALD'S F3457",
    merchantName: "McDonald's",
    website: 'mcdonalds.com',
    entityId: 'vzWXDWBjB06j5gQbWeFKqLj5Vk3Ypn0N8Bmzw',
    pfc: pfc('FOOD_AND_DRINK', 'FAST_FOOD'),
    legacyCategory: legacy('13005032', 'Food and Drink', 'Restaurants', 'Fast Food'),
    channel: 'in store',
    mcc: '5814',
    amount: [6.5, 19],
    location: sf('1100 Fillmore St', '94115', 37.7794, -122.4322, '3457'),
  }),
  m({
    key: 'doordash',
    descriptor: 'DOORDASH*SUPER DUPER',
    pendingDescriptor: 'DOORDASH*SUPER DUPER',
    merchantName: 'DoorDash',
    website: 'doordash.com',
    entityId: 'YyPzOvb8EqXG1g2wJ7m0aNrMQ9kDs5Vt3UeHc',
    pfc: pfc('FOOD_AND_DRINK', 'RESTAURANT'),
    legacyCategory: legacy('13005000', 'Food and Drink', 'Restaurants'),
    channel: 'online',
    mcc: '5812',
    amount: [22, 65],
    location: null,
    counterpartyType: 'marketplace',
    enrichable: true,
  }),
];

export const SHOPPING = [
  m({
    key: 'amazon',
    descriptor: 'AMAZON MKTPL*2K4RT5Y71',
    pendingDescriptor: 'AMAZON MKTPL*2K4RT5Y71',
    merchantName: 'Amazon',
    website: 'amazon.com',
    entityId: 'ZrwYdZ1xZ8yG2mP4Y8vKJ5w0pQ9nB3oLqRsTa',
    pfc: pfc('GENERAL_MERCHANDISE', 'ONLINE_MARKETPLACES'),
    legacyCategory: legacy('19019000', 'Shops', 'Digital Purchase'),
    channel: 'online',
    mcc: '5942',
    amount: [8, 160],
    location: null,
    counterpartyType: 'marketplace',
    enrichable: true,
  }),
  m({
    key: 'target',
    descriptor: 'TARGET 00027789 SAN FRANCISCO CA',
    pendingDescriptor: 'TARGET 00027789',
    merchantName: 'Target',
    website: 'target.com',
    entityId: 'qK8pXdA8mOy2EjQv4LrN7wB9zT3sV5cU1gHfY',
    pfc: pfc('GENERAL_MERCHANDISE', 'SUPERSTORES'),
    legacyCategory: legacy('19043000', 'Shops', 'Department Stores'),
    channel: 'in store',
    mcc: '5310',
    amount: [15, 120],
    location: sf('789 Mission St', '94103', 37.7841, -122.4034, '2778'),
  }),
  m({
    key: 'costco',
    descriptor: 'COSTCO WHSE #0144 SAN FRANCISCO CA',
    pendingDescriptor: 'COSTCO WHSE #0144',
    merchantName: 'Costco',
    website: 'costco.com',
    entityId: 'Wm3eN0Bq5Y8rKz1xP7vJdL2oT9aS4gC6uHfQi',
    pfc: pfc('GENERAL_MERCHANDISE', 'SUPERSTORES'),
    legacyCategory: legacy('19043000', 'Shops', 'Warehouses and Wholesale Stores'),
    channel: 'in store',
    mcc: '5300',
    amount: [60, 310],
    location: sf('450 10th St', '94103', 37.7708, -122.4105, '144'),
  }),
  m({
    key: 'apple',
    descriptor: 'APPLE.COM/BILL',
    pendingDescriptor: 'APPLE.COM/BILL',
    merchantName: 'Apple',
    website: 'apple.com',
    entityId: 'vzWXDWBjB06j5gkYbEd4R3rpz8VmRXg7oPZqB',
    pfc: pfc('GENERAL_MERCHANDISE', 'ELECTRONICS'),
    legacyCategory: legacy('19013000', 'Shops', 'Computers and Electronics'),
    channel: 'online',
    mcc: '5732',
    amount: [0.99, 49],
    location: null,
  }),
  m({
    key: 'uniqlo',
    descriptor: 'UNIQLO UNION SQUARE SAN FRANCISCO CA',
    pendingDescriptor: 'UNIQLO UNION SQUARE',
    merchantName: 'Uniqlo',
    website: 'uniqlo.com',
    entityId: 'Jq2wE5rT8yU1iO4pA7sD0fG3hJ6kL9zXcVbNm',
    pfc: pfc('GENERAL_MERCHANDISE', 'CLOTHING_AND_ACCESSORIES'),
    legacyCategory: legacy('19012000', 'Shops', 'Clothing and Accessories'),
    channel: 'in store',
    mcc: '5651',
    amount: [20, 140],
    location: sf('111 Powell St', '94102', 37.7853, -122.4078, null),
  }),
  m({
    key: 'etsy',
    descriptor: 'ETSY.COM*MAKERSHOP',
    pendingDescriptor: 'ETSY.COM*MAKERSHOP',
    merchantName: 'Etsy',
    website: 'etsy.com',
    entityId: 'aS1dF4gH7jK0lZ3xC6vB9nM2qW5eR8tY1uIoP',
    pfc: pfc('GENERAL_MERCHANDISE', 'OTHER_GENERAL_MERCHANDISE'),
    legacyCategory: legacy('19000000', 'Shops'),
    channel: 'online',
    mcc: '5999',
    amount: [9, 85],
    location: null,
    counterpartyType: 'marketplace',
    enrichable: true,
  }),
];

export const TRANSPORT = [
  m({
    key: 'uber',
    descriptor: 'UBER *TRIP HELP.UBER.COM',
    pendingDescriptor: 'UBER *TRIP',
    merchantName: 'Uber',
    website: 'uber.com',
    entityId: 'eyg8o776k0QmNgVpAmaQj4WgzW9Qzo6O51gdd',
    pfc: pfc('TRANSPORTATION', 'TAXIS_AND_RIDE_SHARES'),
    legacyCategory: legacy('22016000', 'Travel', 'Taxi'),
    channel: 'online',
    mcc: '4121',
    amount: [9, 48],
    location: null,
  }),
  m({
    key: 'lyft',
    descriptor: 'LYFT *RIDE THU 8PM',
    pendingDescriptor: 'LYFT *RIDE',
    merchantName: 'Lyft',
    website: 'lyft.com',
    entityId: 'x9Kp2Vb5Nm8Qw1Er4Ty7Ui0Op3As6Df9Gh2Jk',
    pfc: pfc('TRANSPORTATION', 'TAXIS_AND_RIDE_SHARES'),
    legacyCategory: legacy('22016000', 'Travel', 'Taxi'),
    channel: 'online',
    mcc: '4121',
    amount: [8, 42],
    location: null,
  }),
  m({
    key: 'clipper',
    descriptor: 'CLIPPER SERVICE CONCORD CA',
    pendingDescriptor: 'CLIPPER SERVICE',
    merchantName: 'Clipper',
    website: 'clippercard.com',
    entityId: 'Lk4Mn7Bv0Cx3Za6Sd9Fg2Hj5Kl8Qw1Er4Ty7U',
    pfc: pfc('TRANSPORTATION', 'PUBLIC_TRANSIT'),
    legacyCategory: legacy('22014000', 'Travel', 'Public Transportation Services'),
    channel: 'online',
    mcc: '4111',
    amount: [20, 50],
    location: null,
  }),
];

export const FUEL = [
  m({
    key: 'shell',
    descriptor: 'SHELL OIL 57444412600 SAN FRANCISCO CA',
    pendingDescriptor: 'SHELL OIL 57444412600',
    merchantName: 'Shell',
    website: 'shell.com',
    entityId: 'Rt5Yu8Io1Pa4Sd7Fg0Hj3Kl6Zx9Cv2Bn5Mq8We',
    pfc: pfc('TRANSPORTATION', 'GAS'),
    legacyCategory: legacy('22009000', 'Travel', 'Gas Stations'),
    channel: 'in store',
    mcc: '5541',
    amount: [28, 85],
    location: sf('1298 Howard St', '94103', 37.7754, -122.4132, '57444412600'),
  }),
  m({
    key: 'chevron',
    descriptor: 'CHEVRON 0090183 SAN FRANCISCO CA',
    pendingDescriptor: 'CHEVRON 0090183',
    merchantName: 'Chevron',
    website: 'chevron.com',
    entityId: 'Gh6Jk9Lz2Xc5Vb8Nm1Qw4Er7Ty0Ui3Op6As9D',
    pfc: pfc('TRANSPORTATION', 'GAS'),
    legacyCategory: legacy('22009000', 'Travel', 'Gas Stations'),
    channel: 'in store',
    mcc: '5541',
    amount: [30, 90],
    location: sf('1000 Harrison St', '94107', 37.7771, -122.4043, '0090183'),
  }),
];

export const PHARMACY = [
  m({
    key: 'walgreens',
    descriptor: 'WALGREENS #3287 SAN FRANCISCO CA',
    pendingDescriptor: 'WALGREENS #3287',
    merchantName: 'Walgreens',
    website: 'walgreens.com',
    entityId: 'Fd3Gh6Jk9Lz2Xc5Vb8Nm1Qw4Er7Ty0Ui3Op6A',
    pfc: pfc('MEDICAL', 'PHARMACIES_AND_SUPPLEMENTS'),
    legacyCategory: legacy('19043000', 'Shops', 'Pharmacies'),
    channel: 'in store',
    mcc: '5912',
    amount: [6, 60],
    location: sf('135 Powell St', '94102', 37.7859, -122.4079, '3287'),
  }),
  m({
    key: 'cvs',
    descriptor: 'CVS/PHARMACY #09921 SAN FRANCISCO CA',
    pendingDescriptor: 'CVS/PHARMACY #09921',
    merchantName: 'CVS',
    website: 'cvs.com',
    entityId: 'Sd7Fg0Hj3Kl6Zx9Cv2Bn5Mq8We1Rt4Yu7Io0P',
    pfc: pfc('MEDICAL', 'PHARMACIES_AND_SUPPLEMENTS'),
    legacyCategory: legacy('19043000', 'Shops', 'Pharmacies'),
    channel: 'in store',
    mcc: '5912',
    amount: [5, 45],
    location: sf('731 Market St', '94103', 37.7863, -122.4045, '09921'),
  }),
];

export const ENTERTAINMENT = [
  m({
    key: 'amc',
    descriptor: 'AMC METREON 16 #2204 SAN FRANCISCO CA',
    pendingDescriptor: 'AMC METREON 16',
    merchantName: 'AMC Theatres',
    website: 'amctheatres.com',
    entityId: 'Qw1Er4Ty7Ui0Op3As6Df9Gh2Jk5Lz8Xc1Vb4N',
    pfc: pfc('ENTERTAINMENT', 'TV_AND_MOVIES'),
    legacyCategory: legacy('17018000', 'Recreation', 'Arts and Entertainment'),
    channel: 'in store',
    mcc: '7832',
    amount: [16, 55],
    location: sf('135 4th St', '94103', 37.7843, -122.4035, '2204'),
  }),
  m({
    key: 'sfmoma',
    descriptor: 'SFMOMA ADMISSIONS SAN FRANCISCO CA',
    pendingDescriptor: 'SFMOMA ADMISSIONS',
    merchantName: 'SFMOMA',
    website: 'sfmoma.org',
    entityId: 'Zx9Cv2Bn5Mq8We1Rt4Yu7Io0Pa3Sd6Fg9Hj2K',
    pfc: pfc('ENTERTAINMENT', 'SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS'),
    legacyCategory: legacy('17001000', 'Recreation', 'Arts and Entertainment', 'Museums'),
    channel: 'in store',
    mcc: '7991',
    amount: [25, 60],
    location: sf('151 3rd St', '94103', 37.7857, -122.4011, null),
  }),
];

export const SUBSCRIPTIONS = {
  netflix: m({
    key: 'netflix',
    descriptor: 'NETFLIX.COM',
    merchantName: 'Netflix',
    website: 'netflix.com',
    entityId: 'MYvXvOaOZgZ8aLJLqjrRQBEMRoy6nKXZMgvXL',
    pfc: pfc('ENTERTAINMENT', 'TV_AND_MOVIES'),
    legacyCategory: legacy('18061000', 'Service', 'Subscription'),
    channel: 'online',
    mcc: '4899',
    amount: [15.49, 15.49],
    location: null,
  }),
  spotify: m({
    key: 'spotify',
    descriptor: 'Spotify USA',
    merchantName: 'Spotify',
    website: 'spotify.com',
    entityId: 'Nz7Bx4Cv1Lk8Mj5Hg2Fd9Sa6Qw3Er0Ty7Ui4O',
    pfc: pfc('ENTERTAINMENT', 'MUSIC_AND_AUDIO'),
    legacyCategory: legacy('18061000', 'Service', 'Subscription'),
    channel: 'online',
    mcc: '5815',
    amount: [11.99, 11.99],
    location: null,
  }),
  icloud: m({
    key: 'icloud',
    descriptor: 'APPLE.COM/BILL ICLOUD',
    merchantName: 'Apple',
    website: 'apple.com',
    entityId: 'vzWXDWBjB06j5gkYbEd4R3rpz8VmRXg7oPZqB',
    pfc: pfc('GENERAL_SERVICES', 'OTHER_GENERAL_SERVICES'),
    legacyCategory: legacy('18061000', 'Service', 'Subscription'),
    channel: 'online',
    mcc: '5818',
    amount: [2.99, 2.99],
    location: null,
  }),
  gym: m({
    key: 'gym',
    descriptor: 'CRUNCH FITNESS MEMBERSHIP',
    merchantName: 'Crunch Fitness',
    website: 'crunch.com',
    entityId: 'Po9Iu8Yt7Re6Wq5Lk4Jh3Gf2Ds1Az0Xc9Vb8Nm',
    pfc: pfc('PERSONAL_CARE', 'GYMS_AND_FITNESS_CENTERS'),
    legacyCategory: legacy('17018000', 'Recreation', 'Gyms and Fitness Centers'),
    channel: 'other',
    mcc: '7997',
    amount: [29.99, 29.99],
    location: null,
  }),
};

export const TRAVEL = {
  airline: m({
    key: 'united',
    descriptor: 'UNITED 0162338920415 UNITED.COM',
    pendingDescriptor: 'UNITED AIRLINES',
    merchantName: 'United Airlines',
    website: 'united.com',
    entityId: 'eVkMLb1cB3NO7IwE5pGX0PJmaXW9jD8Q3jPjN',
    pfc: pfc('TRAVEL', 'FLIGHTS'),
    legacyCategory: legacy('22001000', 'Travel', 'Airlines and Aviation Services'),
    channel: 'online',
    mcc: '3000',
    amount: [180, 620],
    location: null,
  }),
  hotel: m({
    key: 'marriott',
    descriptor: 'MARRIOTT SEATTLE WATERFRONT SEATTLE WA',
    pendingDescriptor: 'MARRIOTT SEATTLE WTRFRNT',
    merchantName: 'Marriott',
    website: 'marriott.com',
    entityId: 'Ty0Ui3Op6As9Df2Gh5Jk8Lz1Xc4Vb7Nm0Qw3E',
    pfc: pfc('TRAVEL', 'LODGING'),
    legacyCategory: legacy('22012000', 'Travel', 'Lodging', 'Hotels and Motels'),
    channel: 'in store',
    mcc: '3509',
    amount: [240, 780],
    location: {
      address: '2100 Alaskan Way',
      city: 'Seattle',
      region: 'WA',
      postal_code: '98121',
      country: 'US',
      lat: 47.6114,
      lon: -122.3497,
      store_number: null,
    },
  }),
};

export const BILLS = {
  electric: m({
    key: 'pge',
    descriptor: 'PGANDE WEB ONLINE PAYMENT',
    merchantName: 'PG&E',
    website: 'pge.com',
    entityId: 'Bn5Mq8We1Rt4Yu7Io0Pa3Sd6Fg9Hj2Kl5Zx8Cv',
    pfc: pfc('RENT_AND_UTILITIES', 'GAS_AND_ELECTRICITY'),
    legacyCategory: legacy('18068005', 'Service', 'Utilities', 'Electric'),
    channel: 'online',
    mcc: '4900',
    amount: [58, 165],
    location: null,
    paymentMeta: { payment_method: 'ACH' },
  }),
  internet: m({
    key: 'comcast',
    descriptor: 'COMCAST XFINITY 8155 AUTOPAY',
    merchantName: 'Xfinity',
    website: 'xfinity.com',
    entityId: 'Cv2Bn5Mq8We1Rt4Yu7Io0Pa3Sd6Fg9Hj2Kl5Zx',
    pfc: pfc('RENT_AND_UTILITIES', 'INTERNET_AND_CABLE'),
    legacyCategory: legacy('18063000', 'Service', 'Cable'),
    channel: 'online',
    mcc: '4899',
    amount: [69.99, 69.99],
    location: null,
    paymentMeta: { payment_method: 'ACH' },
  }),
  phone: m({
    key: 'verizon',
    descriptor: 'VZWRLSS*APOCC VISB',
    merchantName: 'Verizon Wireless',
    website: 'verizonwireless.com',
    entityId: 'Df9Gh2Jk5Lz8Xc1Vb4Nm7Qw0Er3Ty6Ui9Op2A',
    pfc: pfc('RENT_AND_UTILITIES', 'TELEPHONE'),
    legacyCategory: legacy('18063000', 'Service', 'Telecommunication Services'),
    channel: 'online',
    mcc: '4814',
    amount: [65, 65],
    location: null,
  }),
  water: m({
    key: 'sfwater',
    descriptor: 'SFPUC WATER PAYMENT',
    merchantName: 'SFPUC',
    website: 'sfpuc.org',
    entityId: 'Hj2Kl5Zx8Cv1Bn4Mq7We0Rt3Yu6Io9Pa2Sd5F',
    pfc: pfc('RENT_AND_UTILITIES', 'WATER'),
    legacyCategory: legacy('18068006', 'Service', 'Utilities', 'Water'),
    channel: 'online',
    mcc: '4900',
    amount: [85, 160],
    location: null,
    paymentMeta: { payment_method: 'ACH' },
  }),
};

export const FLOWS = {
  payroll: m({
    key: 'payroll',
    descriptor: 'ACME CORP PAYROLL PPD ID: 9111111111',
    merchantName: 'Acme Corp',
    website: null,
    entityId: null,
    pfc: pfc('INCOME', 'WAGES'),
    legacyCategory: legacy('21009000', 'Transfer', 'Payroll'),
    channel: 'other',
    mcc: null,
    amount: [2850, 2850],
    location: null,
    counterpartyType: 'income_source',
    paymentMeta: {
      ppd_id: '9111111111',
      payer: 'Acme Corp',
      payment_method: 'ACH',
      reference_number: 'PAYROLL',
    },
  }),
  rent: m({
    key: 'rent',
    descriptor: 'OAKWOOD APARTMENTS RENT WEB PMT',
    merchantName: 'Oakwood Apartments',
    website: null,
    entityId: null,
    pfc: pfc('RENT_AND_UTILITIES', 'RENT'),
    legacyCategory: legacy('16002000', 'Payment', 'Rent'),
    channel: 'online',
    mcc: null,
    amount: [2150, 2150],
    location: null,
    paymentMeta: { payee: 'Oakwood Apartments', payment_method: 'ACH' },
  }),
  mortgage: m({
    key: 'mortgage',
    descriptor: 'PLATYPUS HOME LOANS MTG PMT',
    merchantName: 'Platypus Home Loans',
    website: null,
    entityId: null,
    pfc: pfc('LOAN_PAYMENTS', 'MORTGAGE_PAYMENT'),
    legacyCategory: legacy('16003000', 'Payment', 'Loan'),
    channel: 'online',
    mcc: null,
    amount: [0, 0],
    location: null,
    counterpartyType: 'financial_institution',
    paymentMeta: { payee: 'Platypus Home Loans', payment_method: 'ACH' },
  }),
  studentLoan: m({
    key: 'studentloan',
    descriptor: 'PLATYPUS STUDENT SVCG LOAN PMT',
    merchantName: 'Platypus Student Servicing',
    website: null,
    entityId: null,
    pfc: pfc('LOAN_PAYMENTS', 'STUDENT_LOAN_PAYMENT'),
    legacyCategory: legacy('16003000', 'Payment', 'Loan'),
    channel: 'online',
    mcc: null,
    amount: [0, 0],
    location: null,
    counterpartyType: 'financial_institution',
    paymentMeta: { payee: 'Platypus Student Servicing', payment_method: 'ACH' },
  }),
  cardPaymentFromChecking: m({
    key: 'cardpay-out',
    descriptor: 'PLATYPUS CARD AUTOPAY',
    merchantName: null,
    website: null,
    entityId: null,
    pfc: pfc('LOAN_PAYMENTS', 'CREDIT_CARD_PAYMENT'),
    legacyCategory: legacy('16001000', 'Payment', 'Credit Card'),
    channel: 'other',
    mcc: null,
    amount: [0, 0],
    location: null,
    paymentMeta: { payment_method: 'ACH' },
  }),
  cardPaymentOnCard: m({
    key: 'cardpay-in',
    descriptor: 'AUTOMATIC PAYMENT - THANK YOU',
    merchantName: null,
    website: null,
    entityId: null,
    pfc: pfc('LOAN_PAYMENTS', 'CREDIT_CARD_PAYMENT'),
    legacyCategory: legacy('16001000', 'Payment', 'Credit Card'),
    channel: 'other',
    mcc: null,
    amount: [0, 0],
    location: null,
  }),
  toSavings: m({
    key: 'to-savings',
    descriptor: 'ONLINE TRANSFER TO SAV XXXXXX1111',
    merchantName: null,
    website: null,
    entityId: null,
    pfc: pfc('TRANSFER_OUT', 'SAVINGS'),
    legacyCategory: legacy('21001000', 'Transfer', 'Internal Account Transfer'),
    channel: 'other',
    mcc: null,
    amount: [400, 400],
    location: null,
    paymentMeta: { reference_number: 'SAVINGS' },
  }),
  fromChecking: m({
    key: 'from-checking',
    descriptor: 'ONLINE TRANSFER FROM CHK XXXXXX0000',
    merchantName: null,
    website: null,
    entityId: null,
    pfc: pfc('TRANSFER_IN', 'SAVINGS'),
    legacyCategory: legacy('21001000', 'Transfer', 'Internal Account Transfer'),
    channel: 'other',
    mcc: null,
    amount: [400, 400],
    location: null,
    paymentMeta: { reference_number: 'SAVINGS' },
  }),
  interest: m({
    key: 'interest',
    descriptor: 'INTEREST PAYMENT',
    merchantName: null,
    website: null,
    entityId: null,
    pfc: pfc('INCOME', 'INTEREST_EARNED'),
    legacyCategory: legacy('21005000', 'Transfer', 'Deposit'),
    channel: 'other',
    mcc: null,
    amount: [0.5, 4],
    location: null,
  }),
  atm: m({
    key: 'atm',
    descriptor: 'ATM WITHDRAWAL 7-ELEVEN 1850 MISSION ST',
    pendingDescriptor: 'ATM WITHDRAWAL',
    merchantName: null,
    website: null,
    entityId: null,
    pfc: pfc('TRANSFER_OUT', 'WITHDRAWAL'),
    legacyCategory: legacy('21012002', 'Transfer', 'Withdrawal', 'ATM'),
    channel: 'in store',
    mcc: '6011',
    amount: [40, 200],
    location: sf('1850 Mission St', '94103', 37.7684, -122.4197, null),
    transactionType: 'special',
  }),
  venmo: m({
    key: 'venmo',
    descriptor: 'VENMO PAYMENT 1029384756',
    merchantName: 'Venmo',
    website: 'venmo.com',
    entityId: 'Xc1Vb4Nm7Qw0Er3Ty6Ui9Op2As5Df8Gh1Jk4L',
    pfc: pfc('TRANSFER_OUT', 'ACCOUNT_TRANSFER'),
    legacyCategory: legacy('21010001', 'Transfer', 'Third Party', 'Venmo'),
    channel: 'online',
    mcc: null,
    amount: [12, 90],
    location: null,
    counterpartyType: 'payment_app',
    paymentMeta: { payment_processor: 'Venmo' },
  }),
  refund: m({
    key: 'amazon-refund',
    descriptor: 'AMAZON.COM REFUND',
    merchantName: 'Amazon',
    website: 'amazon.com',
    entityId: 'ZrwYdZ1xZ8yG2mP4Y8vKJ5w0pQ9nB3oLqRsTa',
    pfc: pfc('GENERAL_MERCHANDISE', 'ONLINE_MARKETPLACES'),
    legacyCategory: legacy('19019000', 'Shops', 'Digital Purchase'),
    channel: 'online',
    mcc: '5942',
    amount: [10, 80],
    location: null,
    counterpartyType: 'marketplace',
  }),
  cadTopUp: m({
    key: 'cad-topup',
    descriptor: 'INTERAC E-TRANSFER DEPOSIT',
    merchantName: null,
    website: null,
    entityId: null,
    pfc: pfc('TRANSFER_IN', 'DEPOSIT'),
    legacyCategory: legacy('21007000', 'Transfer', 'Deposit'),
    channel: 'other',
    mcc: null,
    amount: [300, 300],
    location: null,
    paymentMeta: { payment_method: 'Interac' },
  }),
};

export const CANADA = [
  m({
    key: 'timhortons',
    descriptor: 'TIM HORTONS #2845 TORONTO ON',
    pendingDescriptor: 'TIM HORTONS #2845',
    merchantName: 'Tim Hortons',
    website: 'timhortons.ca',
    entityId: 'Mq8We1Rt4Yu7Io0Pa3Sd6Fg9Hj2Kl5Zx8Cv1Bn',
    pfc: pfc('FOOD_AND_DRINK', 'COFFEE'),
    legacyCategory: legacy('13005043', 'Food and Drink', 'Restaurants', 'Coffee Shop'),
    channel: 'in store',
    mcc: '5814',
    amount: [3.25, 14],
    location: toronto('65 Front St W', 'M5J 1E6', 43.6453, -79.3806, '2845'),
  }),
  m({
    key: 'loblaws',
    descriptor: 'LOBLAWS #1049 TORONTO ON',
    pendingDescriptor: 'LOBLAWS #1049',
    merchantName: 'Loblaws',
    website: 'loblaws.ca',
    entityId: 'We1Rt4Yu7Io0Pa3Sd6Fg9Hj2Kl5Zx8Cv1Bn4Mq',
    pfc: pfc('FOOD_AND_DRINK', 'GROCERIES'),
    legacyCategory: legacy('19047000', 'Shops', 'Supermarkets and Groceries'),
    channel: 'in store',
    mcc: '5411',
    amount: [18, 120],
    location: toronto('60 Carlton St', 'M5B 1J2', 43.6621, -79.3801, '1049'),
  }),
  m({
    key: 'petrocan',
    descriptor: 'PETRO-CANADA 04231 TORONTO ON',
    pendingDescriptor: 'PETRO-CANADA 04231',
    merchantName: 'Petro-Canada',
    website: 'petro-canada.ca',
    entityId: 'Rt4Yu7Io0Pa3Sd6Fg9Hj2Kl5Zx8Cv1Bn4Mq7We',
    pfc: pfc('TRANSPORTATION', 'GAS'),
    legacyCategory: legacy('22009000', 'Travel', 'Gas Stations'),
    channel: 'in store',
    mcc: '5541',
    amount: [35, 95],
    location: toronto('117 Jarvis St', 'M5C 2H4', 43.6531, -79.3724, '04231'),
  }),
  m({
    key: 'shoppers',
    descriptor: 'SHOPPERS DRUG MART #0891 TORONTO ON',
    pendingDescriptor: 'SHOPPERS DRUG MART #0891',
    merchantName: 'Shoppers Drug Mart',
    website: 'shoppersdrugmart.ca',
    entityId: 'Yu7Io0Pa3Sd6Fg9Hj2Kl5Zx8Cv1Bn4Mq7We0Rt',
    pfc: pfc('MEDICAL', 'PHARMACIES_AND_SUPPLEMENTS'),
    legacyCategory: legacy('19043000', 'Shops', 'Pharmacies'),
    channel: 'in store',
    mcc: '5912',
    amount: [8, 55],
    location: toronto('388 Yonge St', 'M5B 2H4', 43.6585, -79.383, '0891'),
  }),
];
