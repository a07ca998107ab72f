import { CountryCode, Products } from 'plaid';
import { afterEach, describe, expect, it } from 'vitest';
import { plaidFailure, startHarness, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

const PLATYPUS = 'ins_109508';

async function statusOf(harness: Harness) {
  const { data } = await harness.plaid.institutionsGetById({
    institution_id: PLATYPUS,
    country_codes: [CountryCode.Us],
    options: { include_status: true, include_optional_metadata: true },
  });
  return data.institution;
}

async function linkedItem(harness: Harness): Promise<string> {
  const { data } = await harness.plaid.sandboxPublicTokenCreate({
    institution_id: PLATYPUS,
    initial_products: [Products.Transactions],
  });
  const exchanged = await harness.plaid.itemPublicTokenExchange({
    public_token: data.public_token,
  });
  return exchanged.data.access_token;
}

describe('institution status, details and product access', () => {
  it('reports one product apart, with Plaid’s ProductStatus shape and an open incident', async () => {
    h = await startHarness();
    h.emulator.control.setInstitutionStatus(PLATYPUS, 'DEGRADED', 'transactions_updates');
    const { status } = await statusOf(h);
    expect(status!.transactions_updates).toMatchObject({
      status: 'DEGRADED',
      breakdown: { refresh_interval: 'DELAYED' },
    });
    expect(status!.transactions_updates!.last_status_change).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(status!.item_logins!.status).toBe('HEALTHY');
    expect(status!.health_incidents).toHaveLength(1);
    expect(status!.health_incidents![0]).toMatchObject({
      end_date: null,
      title: 'Intermittent connectivity issues',
    });

    // Setting the institution's health sets every product again.
    h.emulator.control.setInstitutionStatus(PLATYPUS, 'HEALTHY');
    const healthy = await statusOf(h);
    expect(healthy.status!.transactions_updates!.status).toBe('HEALTHY');
    expect(healthy.status!.health_incidents).toEqual([]);
  });

  it('answers the name, colour, url and logo as a test changed them', async () => {
    h = await startHarness();
    const before = await statusOf(h);
    h.emulator.control.setInstitutionDetails(PLATYPUS, {
      name: 'Platypus Bank & Trust',
      primaryColor: '#225588',
    });
    const after = await statusOf(h);
    expect(after.name).toBe('Platypus Bank & Trust');
    expect(after.primary_color).toBe('#225588');
    expect(after.logo).not.toBe(before.logo);
    h.emulator.control.setInstitutionDetails(PLATYPUS, { hasLogo: false });
    expect((await statusOf(h)).logo).toBeNull();
  });

  it('refuses a product the bank does not offer, or the keys are not enabled for', async () => {
    h = await startHarness();
    const token = await linkedItem(h);
    h.emulator.control.setUnsupportedProducts(PLATYPUS, ['balance', 'transactions_refresh']);
    expect((await statusOf(h)).products).not.toContain('balance');
    const balance = await plaidFailure(h.plaid.accountsBalanceGet({ access_token: token }));
    expect(balance.status).toBe(400);
    expect(balance.data).toMatchObject({
      error_type: 'ITEM_ERROR',
      error_code: 'PRODUCTS_NOT_SUPPORTED',
    });
    expect(balance.data.request_id).toEqual(expect.any(String));
    const refresh = await plaidFailure(h.plaid.transactionsRefresh({ access_token: token }));
    expect(refresh.data.error_code).toBe('PRODUCTS_NOT_SUPPORTED');

    h.emulator.control.setUnsupportedProducts(PLATYPUS, []);
    h.emulator.control.setDisabledProducts(['balance']);
    const disabled = await plaidFailure(h.plaid.accountsBalanceGet({ access_token: token }));
    expect(disabled.data).toMatchObject({
      error_type: 'INVALID_INPUT',
      error_code: 'INVALID_PRODUCT',
      error_message: 'client is not authorized to access the following products: ["balance"]',
    });
    h.emulator.control.setDisabledProducts([]);
    await h.plaid.accountsBalanceGet({ access_token: token });
    await h.plaid.transactionsRefresh({ access_token: token });
  });
});
