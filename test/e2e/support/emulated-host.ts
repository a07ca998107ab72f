import { expect, test, type Page } from '@playwright/test';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import type { Connection } from '../../../src/shared/model';
import { hostLedger } from './host-ledger';
import { startBuiltHost, type RunningHost } from './host';

export interface EmulatedHost {
  readonly emulator: PlaidEmulator;
  readonly host: RunningHost;
  ledger: ReturnType<typeof hostLedger>;
  connections(): Promise<Connection[]>;
  /** Waits until no connection is syncing. */
  settled(): Promise<void>;
  /** Opens the app (which takes the host's token), then goes to `path` inside it. */
  open(page: Page, path: string): Promise<void>;
}

/**
 * A spec's built host on its own Plaid emulator, with Sandbox keys saved and these banks linked
 * and synced before its first test (no manual-sync cooldown, so a spec can sync again at once);
 * both are stopped after its last.
 */
export function useEmulatedHost(options: { seed: number; institutions: string[] }): EmulatedHost {
  let emulator: PlaidEmulator | undefined;
  let host: RunningHost | undefined;
  const ledger = hostLedger(() => host!);
  const connections = () => ledger.api<Connection[]>('connections.list', {});
  const settled = async () => {
    await expect.poll(async () => (await connections()).some((c) => c.syncing)).toBe(false);
  };

  test.beforeAll(async () => {
    emulator = await startPlaidEmulator({
      seed: options.seed,
      today: new Date().toISOString().slice(0, 10),
    });
    host = await startBuiltHost({
      LEDGERLIGHT_PLAID_BASE_URL: emulator.url,
      LEDGERLIGHT_MANUAL_COOLDOWN_MS: '0',
    });
    await ledger.api('settings.setPlaid', {
      environment: 'sandbox',
      clientId: emulator.control.clientId,
      secret: emulator.control.secret,
    });
    for (const institutionId of options.institutions) {
      await ledger.api('link.sandboxConnect', { institutionId });
    }
    await settled();
  });

  test.afterAll(async () => {
    expect(await host!.stop()).toBe(0);
    await emulator!.close();
  });

  return {
    get emulator() {
      return emulator!;
    },
    get host() {
      return host!;
    },
    ledger,
    connections,
    settled,
    open: async (page, path) => {
      await page.goto(host!.openUrl);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await page.goto(`${host!.url.replace(/\/$/, '')}${path}`);
    },
  };
}
