import type { ChannelInput } from '../../../../shared/contract';

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
  q: string;
}

export const FILTER_KEYS = [
  'account',
  'connection',
  'from',
  'to',
  'type',
  'category',
  'q',
] as const;

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
    q: (params.get('q') ?? '').slice(0, 200),
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
  return FILTER_KEYS.some((key) => filters[key].trim() !== '');
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
    ...(q ? { search: q } : {}),
  };
}
