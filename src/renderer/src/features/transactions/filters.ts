import {
  TRANSACTION_SHOWS,
  TRANSACTION_SORTS,
  type ChannelInput,
} from '../../../../shared/contract';

export type TransactionShow = '' | (typeof TRANSACTION_SHOWS)[number];
export type TransactionSort = '' | (typeof TRANSACTION_SORTS)[number];

/**
 * The transaction filters live in the address (`?account=…&from=…&q=…`), so a filtered view can
 * be reloaded, bookmarked, and reached with Back. Anything malformed in the address is ignored.
 */
export interface TransactionFilters {
  account: string;
  connection: string;
  from: string;
  to: string;
  type: '' | 'in' | 'out';
  category: string;
  tag: string;
  show: TransactionShow;
  q: string;
  /** The column the list is ordered by ('' = date) and which way ('' = that column's usual way). */
  sort: TransactionSort;
  dir: '' | 'asc' | 'desc';
}

export const FILTER_KEYS = [
  'account',
  'connection',
  'from',
  'to',
  'type',
  'category',
  'tag',
  'show',
  'q',
  'sort',
  'dir',
] as const;

/** The keys that narrow the rows (the order does not: a sorted list is not a filtered one). */
const NARROWING = FILTER_KEYS.filter((key) => key !== 'sort' && key !== 'dir');

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readFilters(params: URLSearchParams): TransactionFilters {
  const get = (key: string) => params.get(key)?.trim() ?? '';
  const type = get('type');
  const from = get('from');
  const to = get('to');
  return {
    account: get('account').slice(0, 128),
    connection: get('connection').slice(0, 128),
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
    type: type === 'in' || type === 'out' ? type : '',
    category: get('category').slice(0, 100),
    tag: get('tag').slice(0, 40),
    show: (TRANSACTION_SHOWS as readonly string[]).includes(get('show'))
      ? (get('show') as TransactionShow)
      : '',
    q: (params.get('q') ?? '').slice(0, 200),
    sort: (TRANSACTION_SORTS as readonly string[]).includes(get('sort'))
      ? (get('sort') as TransactionSort)
      : '',
    dir: get('dir') === 'asc' || get('dir') === 'desc' ? (get('dir') as 'asc' | 'desc') : '',
  };
}

export function writeFilters(filters: TransactionFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function hasFilters(filters: TransactionFilters): boolean {
  return NARROWING.some((key) => filters[key].trim() !== '');
}

/** The filters as `transactions.list` input (a reversed date range is swapped, not refused). */
export function toQuery(filters: TransactionFilters): ChannelInput<'transactions.list'> {
  let { from, to } = filters;
  if (from && to && from > to) [from, to] = [to, from];
  const q = filters.q.trim();
  return {
    ...(filters.account ? { accountId: filters.account } : {}),
    ...(filters.connection ? { connectionId: filters.connection } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.show ? { show: filters.show } : {}),
    ...(q ? { search: q } : {}),
    ...(filters.sort && filters.sort !== 'date' ? { sort: filters.sort } : {}),
    ...(filters.dir ? { direction: filters.dir } : {}),
  };
}

/** The same rows without their order: what the totals are about. */
export function toTotalsQuery(filters: TransactionFilters): ChannelInput<'transactions.totals'> {
  const { sort: _sort, direction: _direction, ...rows } = toQuery(filters);
  return rows;
}
