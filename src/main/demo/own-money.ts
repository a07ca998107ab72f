import type { Core } from '../core';
import type { Logger } from '../log';
import { addDays } from '../iso-days';

/**
 * What a newcomer finds beside the demo banks: money Plaid cannot reach. A cash wallet with a
 * few hand entries, a house at its valuation, and a credit union's statement imported from a
 * CSV file, so every screen of the ledger's own money has something on it.
 */
export async function populateOwnMoney(core: Core, today: string, log: Logger): Promise<void> {
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const result = await core.invoke(channel as 'accounts.create', input as never);
    if (!result.ok) {
      log.warn('demo data not added', { channel, code: result.error.code });
      return null;
    }
    return result.value;
  };
  const day = (daysAgo: number) => addDays(today, -daysAgo);

  const wallet = (await call('accounts.create', {
    name: 'Wallet',
    kind: 'cash',
    currency: 'USD',
    balance: 12000,
    balanceDate: day(45),
  })) as { id: string } | null;
  if (wallet) {
    const entries: [number, number, string, string][] = [
      [40, -450, 'Farmers market', 'FOOD_AND_DRINK'],
      [33, -1200, 'Haircut', 'PERSONAL_CARE'],
      [21, -375, 'Coffee cart', 'FOOD_AND_DRINK'],
      [14, 5000, 'Cash from the ATM', 'TRANSFER_IN'],
      [6, -2000, 'Birthday gift', 'GENERAL_MERCHANDISE'],
      [2, -650, 'Parking meter', 'TRANSPORTATION'],
    ];
    for (const [ago, amount, name, category] of entries) {
      await call('transactions.create', {
        accountId: wallet.id,
        date: day(ago),
        amount,
        name,
        category,
      });
    }
  }
  await call('accounts.create', {
    name: 'Home',
    kind: 'property',
    currency: 'USD',
    balance: 41_250_000,
    balanceDate: day(300),
  });

  const creditUnion = (await call('accounts.create', {
    name: 'Hometown Credit Union',
    kind: 'savings',
    currency: 'USD',
    balance: 0,
    balanceDate: day(200),
  })) as { id: string } | null;
  if (creditUnion) {
    const lines = ['Date,Description,Amount,Reference'];
    for (let month = 6; month >= 0; month--) {
      lines.push(`${day(month * 30 + 25)},Transfer from checking,250.00,HCU-${month}-T`);
      lines.push(
        `${day(month * 30 + 5)},Dividend,0.${String(10 + month).padStart(2, '0')},HCU-${month}-D`,
      );
    }
    await call('import.commit', {
      accountId: creditUnion.id,
      fileName: 'hometown-credit-union.csv',
      content: Buffer.from(`${lines.join('\n')}\n`).toString('base64'),
    });
  }
}
