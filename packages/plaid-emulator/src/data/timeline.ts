import type { Transaction } from 'plaid';
import { addDays } from '../dates';
import { plaidId, wideId } from '../ids';
import { rngFor } from '../prng';
import type { Wire } from '../wire';
import type { AccountKey } from './accounts';
import { EventSchedule, MAX_EVENT_SPAN_DAYS, type TxnEvent } from './events';
import type { Merchant } from './merchants';

export type WireTransaction = Wire<Transaction>;

/** Which version of an event a client sees on a given day. */
export type Variant = 'pending' | 'posted' | 'enriched';

export interface VisibleTxn {
  id: string;
  event: TxnEvent;
  variant: Variant;
}

export interface DayChanges {
  added: VisibleTxn[];
  modified: VisibleTxn[];
  removed: VisibleTxn[];
}

export interface TimelineAccount {
  key: AccountKey;
  accountId: string;
  currency: string;
}

/**
 * One Item's transactions over time. stateAt(date) lists what Plaid would hold on that day; the
 * difference between two days is exactly the added/modified/removed a sync reports (sync-log.ts).
 */
export class Timeline {
  private readonly schedule: EventSchedule;
  private readonly ids = new Map<string, { pending: string; posted: string }>();
  private readonly accounts: Map<AccountKey, TimelineAccount>;

  /**
   * `household` is every account the user holds at the institution: it decides what happens (a
   * mortgage means mortgage payments from checking) even when the user shared only some accounts
   * in Link. Only the shared `accounts` are visible.
   */
  constructor(
    dataSalt: string,
    private readonly idSalt: string,
    household: readonly AccountKey[],
    accounts: readonly TimelineAccount[],
    private readonly historyStart: string,
    /** Households' worth of everyday spending per day (see EventSchedule). */
    volume = 1,
  ) {
    this.accounts = new Map(accounts.map((a) => [a.key, a]));
    this.schedule = new EventSchedule(dataSalt, household, volume);
  }

  get statement(): EventSchedule {
    return this.schedule;
  }

  idsOf(event: TxnEvent): { pending: string; posted: string } {
    let ids = this.ids.get(event.key);
    if (!ids) {
      // The usual household keeps the ids it always had; the extra ones of a dense history get
      // ids from 64 bits of seed, which do not repeat across 10^5 transactions.
      const id = (variant: 'pending' | 'posted') =>
        event.household === 0
          ? plaidId(rngFor(this.idSalt, variant, event.key))
          : wideId(
              rngFor(this.idSalt, variant, event.key),
              rngFor(this.idSalt, variant, 'wide', event.key),
            );
      ids = { pending: id('pending'), posted: id('posted') };
      this.ids.set(event.key, ids);
    }
    return ids;
  }

  /** Every transaction visible on `date`, oldest first (the order they entered the feed). */
  stateAt(date: string): Map<string, VisibleTxn> {
    const out = new Map<string, VisibleTxn>();
    for (let day = this.historyStart; day <= date; day = addDays(day, 1)) {
      for (const event of this.schedule.on(day)) {
        if (!this.accounts.has(event.account)) continue;
        const visible = this.versionOn(event, date);
        if (visible) out.set(visible.id, visible);
      }
    }
    return out;
  }

  /**
   * What changes between `date` and the next day, in the order they are logged: additions, then
   * modifications, then removals (a posting is its pending id removed and a new id added).
   */
  changesOnNextDay(date: string): DayChanges {
    const next = addDays(date, 1);
    const changes: DayChanges = { added: [], modified: [], removed: [] };
    const from = addDays(next, -MAX_EVENT_SPAN_DAYS);
    for (
      let day = from < this.historyStart ? this.historyStart : from;
      day <= next;
      day = addDays(day, 1)
    ) {
      for (const event of this.schedule.on(day)) {
        if (!this.accounts.has(event.account)) continue;
        const before = this.versionOn(event, date);
        const after = this.versionOn(event, next);
        if (before && after && before.id === after.id) {
          if (before.variant !== after.variant) changes.modified.push(after);
          continue;
        }
        if (after) changes.added.push(after);
        if (before) changes.removed.push(before);
      }
    }
    return changes;
  }

  versionOn(event: TxnEvent, date: string): VisibleTxn | null {
    if (event.authorizedDate > date) return null;
    const ids = this.idsOf(event);
    if (event.hasPending && date < event.postDate) {
      return { id: ids.pending, event, variant: 'pending' };
    }
    if (event.vanishes || date < event.postDate) return null;
    if (event.removeOn !== null && date >= event.removeOn) return null;
    const enriched = event.modifyOn === null || date >= event.modifyOn;
    return { id: ids.posted, event, variant: enriched ? 'enriched' : 'posted' };
  }

  render(visible: VisibleTxn, includeOriginalDescription = false): WireTransaction {
    const { event, variant } = visible;
    const account = this.accounts.get(event.account);
    if (!account) throw new Error(`no account ${event.account}`);
    const ids = this.idsOf(event);
    const merchant = event.merchant;
    const pending = variant === 'pending';
    // Events that will be enriched later first arrive with only the raw descriptor.
    const bare = variant === 'posted' && event.modifyOn !== null;
    const time = `${String(Math.floor(event.minuteOfDay / 60)).padStart(2, '0')}:${String(event.minuteOfDay % 60).padStart(2, '0')}:00Z`;
    const isCardLike = merchant.channel !== 'other' && event.hasPending;
    const confidence = bare ? 'LOW' : merchant.merchantName ? 'VERY_HIGH' : 'HIGH';
    const category = bare
      ? {
          primary: 'GENERAL_MERCHANDISE',
          detailed: 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
        }
      : merchant.pfc;
    return {
      account_id: account.accountId,
      account_owner: null,
      amount: (pending ? event.pendingAmountCents : event.amountCents) / 100,
      iso_currency_code: account.currency,
      unofficial_currency_code: null,
      category: bare ? ['Shops'] : merchant.legacyCategory.names,
      category_id: bare ? '19000000' : merchant.legacyCategory.id,
      check_number: null,
      counterparties:
        bare || !merchant.counterparty ? [] : [counterparty(merchant, merchant.counterparty)],
      date: pending ? event.authorizedDate : event.postDate,
      datetime: isCardLike && !pending ? `${event.postDate}T${time}` : null,
      authorized_date: event.authorizedDate,
      authorized_datetime: isCardLike ? `${event.authorizedDate}T${time}` : null,
      location: location(merchant),
      name: pending ? merchant.pendingDescriptor : merchant.descriptor,
      merchant_name: bare ? null : merchant.merchantName,
      merchant_entity_id: bare ? null : merchant.entityId,
      merchant_category_code: merchant.mcc,
      logo_url: bare || !merchant.website ? null : logoUrl(merchant),
      website: bare ? null : merchant.website,
      original_description: includeOriginalDescription
        ? (pending ? merchant.pendingDescriptor : merchant.descriptor).toUpperCase()
        : null,
      payment_channel: merchant.channel,
      payment_meta: paymentMeta(merchant),
      pending,
      pending_transaction_id: !pending && event.hasPending && !event.unmatched ? ids.pending : null,
      personal_finance_category: { ...category, confidence_level: confidence },
      personal_finance_category_icon_url: `https://plaid-category-icons.plaid.com/PFC_${category.primary}.png`,
      transaction_code: null,
      transaction_id: visible.id,
      transaction_type: merchant.transactionType,
    };
  }
}

function location(merchant: Merchant): WireTransaction['location'] {
  const l = merchant.location;
  return {
    address: l?.address ?? null,
    city: l?.city ?? null,
    region: l?.region ?? null,
    postal_code: l?.postal_code ?? null,
    country: l?.country ?? null,
    lat: l?.lat ?? null,
    lon: l?.lon ?? null,
    store_number: l?.store_number ?? null,
  };
}

function paymentMeta(merchant: Merchant): WireTransaction['payment_meta'] {
  const p = merchant.paymentMeta ?? {};
  return {
    reference_number: p.reference_number ?? null,
    ppd_id: p.ppd_id ?? null,
    payee: p.payee ?? null,
    by_order_of: p.by_order_of ?? null,
    payer: p.payer ?? null,
    payment_method: p.payment_method ?? null,
    payment_processor: p.payment_processor ?? null,
    reason: p.reason ?? null,
  };
}

function logoUrl(merchant: Merchant): string {
  return `https://plaid-merchant-logos.plaid.com/${merchant.key}.png`;
}

function counterparty(
  merchant: Merchant,
  c: NonNullable<Merchant['counterparty']>,
): NonNullable<WireTransaction['counterparties']>[number] {
  return {
    name: c.name,
    type: c.type,
    website: c.website,
    logo_url: c.website ? logoUrl(merchant) : null,
    entity_id: merchant.entityId,
    confidence_level: 'VERY_HIGH',
  };
}
