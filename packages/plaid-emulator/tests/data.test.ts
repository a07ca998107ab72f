import type { Transaction } from 'plaid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/dates';
import { startPlaidEmulator, type PlaidEmulator } from '../src/index';
import { clientFor, TODAY } from './helpers';

async function world(seed: number): Promise<{ emulator: PlaidEmulator; itemIds: string[] }> {
  const emulator = await startPlaidEmulator({ seed, today: TODAY, rateLimits: false });
  const itemIds = [
    emulator.control.createItem({ institutionId: 'ins_109508' }).itemId,
    emulator.control.createItem({
      institutionId: 'ins_109512',
      username: 'user_transactions_dynamic',
    }).itemId,
  ];
  return { emulator, itemIds };
}

describe('determinism', () => {
  const worlds: Array<{ emulator: PlaidEmulator; itemIds: string[] }> = [];
  afterAll(async () => {
    await Promise.all(worlds.map((w) => w.emulator.close()));
  });

  it('builds the same Items, accounts and transactions from the same seed, also after advancing', async () => {
    const a = await world(777);
    const b = await world(777);
    worlds.push(a, b);
    expect(b.itemIds).toEqual(a.itemIds);
    for (const [i, id] of a.itemIds.entries()) {
      expect(b.emulator.control.groundTruth(b.itemIds[i]!)).toEqual(
        a.emulator.control.groundTruth(id),
      );
      expect(b.emulator.control.accounts(b.itemIds[i]!)).toEqual(a.emulator.control.accounts(id));
    }
    a.emulator.control.advance({ days: 15 });
    b.emulator.control.advance({ days: 15 });
    expect(b.emulator.control.groundTruth(b.itemIds[0]!)).toEqual(
      a.emulator.control.groundTruth(a.itemIds[0]!),
    );
    const token = (w: typeof a) => w.emulator.control.items()[1]!.accessToken;
    const ha = (await clientFor(a.emulator).investmentsHoldingsGet({ access_token: token(a) }))
      .data;
    const hb = (await clientFor(b.emulator).investmentsHoldingsGet({ access_token: token(b) }))
      .data;
    expect(hb.holdings).toEqual(ha.holdings);
    expect(hb.securities).toEqual(ha.securities);
  });

  it('builds different data from a different seed', async () => {
    const a = await world(1);
    const b = await world(2);
    worlds.push(a, b);
    expect(b.itemIds[0]).not.toBe(a.itemIds[0]);
    const amounts = (w: typeof a) =>
      w.emulator.control.groundTruth(w.itemIds[0]!).map((t) => t.amount);
    expect(amounts(b)).not.toEqual(amounts(a));
  });

  it('lands, day by day, exactly where an Item created on the later day starts', async () => {
    const early = await startPlaidEmulator({ seed: 8, today: TODAY });
    const later = await startPlaidEmulator({ seed: 8, today: addDays(TODAY, 45) });
    worlds.push({ emulator: early, itemIds: [] }, { emulator: later, itemIds: [] });
    const advanced = early.control.createItem({ institutionId: 'ins_109508' }).itemId;
    const fresh = later.control.createItem({ institutionId: 'ins_109508' }).itemId;
    early.control.advance({ days: 45 });
    const windowStart = addDays(TODAY, 45 - 729);
    const expected = later.control.groundTruth(fresh);
    const actual = early.control
      .groundTruth(advanced)
      .filter((t) => (t.authorized_date ?? t.date) >= windowStart);
    expect(actual.length).toBeGreaterThan(1000);
    expect(actual).toEqual(expected);
    // Card, loan and investment balances do not depend on the history window either. (Cash
    // balances do: they open at the first day of the Item's history, see the README.)
    const nonCash = (list: ReturnType<typeof early.control.accounts>) =>
      list.filter((a) => a.type !== 'depository');
    expect(nonCash(early.control.accounts(advanced))).toEqual(
      nonCash(later.control.accounts(fresh)),
    );
  });

  it('moves cash balances by exactly the posted transactions', async () => {
    const { emulator, itemIds } = await world(31);
    worlds.push({ emulator, itemIds });
    const itemId = itemIds[0]!;
    const snapshot = () => {
      const posted = new Map<string, number>();
      for (const t of emulator.control.groundTruth(itemId)) {
        if (!t.pending)
          posted.set(t.account_id, (posted.get(t.account_id) ?? 0) + Math.round(t.amount * 100));
      }
      return {
        posted,
        accounts: emulator.control.accounts(itemId).filter((a) => a.type === 'depository'),
      };
    };
    const before = snapshot();
    emulator.control.advance({ days: 21, itemId });
    const after = snapshot();
    for (const account of after.accounts) {
      const was = before.accounts.find((a) => a.account_id === account.account_id)!;
      const moved = Math.round((account.balances.current! - was.balances.current!) * 100);
      const spent =
        (after.posted.get(account.account_id) ?? 0) - (before.posted.get(account.account_id) ?? 0);
      expect(moved).toBe(-spent);
    }
  });

  it('gives two Items of the same user distinct ids', async () => {
    const emulator = await startPlaidEmulator({ seed: 3, today: TODAY });
    worlds.push({ emulator, itemIds: [] });
    const one = emulator.control.createItem({ institutionId: 'ins_109511' });
    const two = emulator.control.createItem({ institutionId: 'ins_109511' });
    const ids = (itemId: string) =>
      new Set(emulator.control.groundTruth(itemId).map((t) => t.transaction_id));
    const second = ids(two.itemId);
    expect(second.size).toBeGreaterThan(100);
    const overlap = [...ids(one.itemId)].filter((id) => second.has(id));
    expect(overlap).toEqual([]);
    expect(one.accessToken).not.toBe(two.accessToken);
  });
});

describe('a realistic two-year feed', () => {
  let emulator: PlaidEmulator;
  let truth: Transaction[];

  beforeAll(async () => {
    emulator = await startPlaidEmulator({ seed: 99, today: TODAY });
    const { itemId } = emulator.control.createItem({ institutionId: 'ins_109508' });
    truth = emulator.control.groundTruth(itemId) as unknown as Transaction[];
  });
  afterAll(() => emulator.close());

  it('covers about two years', () => {
    const dates = truth.map((t) => t.date).sort();
    const span = (Date.parse(dates.at(-1)!) - Date.parse(dates[0]!)) / 86_400_000;
    expect(span).toBeGreaterThan(700);
    expect(span).toBeLessThanOrEqual(732);
    expect(dates.at(-1)! <= TODAY).toBe(true);
  });

  it('has unique Plaid-shaped ids', () => {
    const ids = truth.map((t) => t.transaction_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9A-Za-z]{37}$/);
  });

  it('sets exactly one currency code and uses cents', () => {
    for (const t of truth) {
      expect(
        (t.iso_currency_code === null) !== (t.unofficial_currency_code === null),
        t.transaction_id,
      ).toBe(true);
      expect(Math.abs(Math.round(t.amount * 100) - t.amount * 100)).toBeLessThan(1e-6);
      expect(t.amount).not.toBe(0);
    }
    expect(new Set(truth.map((t) => t.iso_currency_code))).toEqual(new Set(['USD', 'CAD']));
  });

  it('has every location and payment_meta key, nullable, and a full personal finance category', () => {
    const locationKeys = [
      'address',
      'city',
      'region',
      'postal_code',
      'country',
      'lat',
      'lon',
      'store_number',
    ];
    const metaKeys = [
      'reference_number',
      'ppd_id',
      'payee',
      'by_order_of',
      'payer',
      'payment_method',
      'payment_processor',
      'reason',
    ];
    for (const t of truth) {
      expect(Object.keys(t.location).sort()).toEqual([...locationKeys].sort());
      expect(Object.keys(t.payment_meta).sort()).toEqual([...metaKeys].sort());
      const pfc = t.personal_finance_category!;
      expect(pfc.detailed.startsWith(`${pfc.primary}_`)).toBe(true);
      expect(['VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW']).toContain(pfc.confidence_level);
      expect(['online', 'in store', 'other']).toContain(t.payment_channel);
      expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(truth.some((t) => t.location.city !== null)).toBe(true);
    expect(truth.some((t) => t.location.city === null)).toBe(true);
  });

  it('reads like a real household: payroll, housing, bills, card payments and many merchants', () => {
    const payroll = truth.filter((t) => t.personal_finance_category?.detailed === 'INCOME_WAGES');
    expect(payroll.length).toBeGreaterThan(45);
    expect(payroll.every((t) => t.amount < 0)).toBe(true);
    const gaps = payroll
      .map((t) => Date.parse(t.date))
      .sort((x, y) => x - y)
      .slice(1)
      .map(
        (d, i, all) =>
          d - (i === 0 ? Date.parse(payroll.map((t) => t.date).sort()[0]!) : all[i - 1]!),
      );
    expect(gaps.every((g) => g === 14 * 86_400_000)).toBe(true);
    expect(
      truth.filter(
        (t) => t.personal_finance_category?.detailed === 'LOAN_PAYMENTS_MORTGAGE_PAYMENT',
      ).length,
    ).toBeGreaterThan(20);
    const cardPayments = truth.filter(
      (t) => t.personal_finance_category?.detailed === 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT',
    );
    expect(cardPayments.some((t) => t.amount > 0)).toBe(true);
    expect(cardPayments.some((t) => t.amount < 0)).toBe(true);
    expect(new Set(truth.map((t) => t.merchant_name).filter(Boolean)).size).toBeGreaterThan(25);
    expect(truth.some((t) => t.personal_finance_category?.primary === 'RENT_AND_UTILITIES')).toBe(
      true,
    );
  });

  it('has a few pending transactions near today, and posted ones that name their pending twin', () => {
    const pending = truth.filter((t) => t.pending);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.length).toBeLessThan(40);
    for (const t of pending) {
      expect(t.pending_transaction_id).toBeNull();
      expect(t.date >= '2025-03-10').toBe(true);
    }
    const ids = new Set(truth.map((t) => t.transaction_id));
    const linked = truth.filter((t) => t.pending_transaction_id !== null);
    expect(linked.length).toBeGreaterThan(500);
    // The pending twin was removed when it posted, so it is no longer in the set.
    expect(linked.every((t) => !ids.has(t.pending_transaction_id!))).toBe(true);
  });
});
