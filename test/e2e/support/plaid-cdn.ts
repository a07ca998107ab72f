import type { BrowserContext, Page } from '@playwright/test';
import type { PlaidEmulator } from '@ledgerlight/plaid-emulator';

/**
 * Sends the page's (or a whole context's, Link pop-ups included) requests for Plaid's CDN (Link's script, its frame and the frame's calls) to
 * the emulator, as packages/plaid-emulator/README.md describes: the app asks for the real address and
 * react-plaid-link loads "Plaid's" script, which is the emulator's fake Link.
 */
export async function routePlaidCdn(
  target: Page | BrowserContext,
  emulator: PlaidEmulator,
): Promise<void> {
  await target.route('https://cdn.plaid.com/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${emulator.url}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
}
