import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import type { Core, CoreOptions } from '../core';
import type { Logger } from '../log';
import { MemorySecretStore } from '../secrets/memory-store';
import { secretAccounts } from '../secrets/secret-store';
import { populateOwnMoney } from './own-money';

/** The banks a newcomer finds connected: checking, savings, cards, loans, more than one currency. */
export const DEMO_INSTITUTIONS = ['ins_109508', 'ins_109511'];

export interface DemoBackend {
  emulator: PlaidEmulator;
  /** What the core needs to run against the emulator. */
  coreOptions: Pick<CoreOptions, 'dataDir' | 'secrets' | 'plaidBaseUrl' | 'demoMode'>;
  /**
   * The emulator's fake Link script, which the Link page loads instead of Plaid's (its origin is
   * allowed by the Link page's CSP, for the script and its frame).
   */
  linkScriptUrl: string;
  /** Connects the demo banks on a fresh data folder. */
  populate(core: Core, log: Logger): Promise<void>;
  close(): Promise<void>;
}

/**
 * Demo mode: the built-in Plaid emulator and a throwaway data folder, so someone with no Plaid
 * keys can try everything. The emulator's keys and tokens are fakes that open nothing real, so
 * they are held in memory for the session rather than put in the keychain; the data folder goes
 * with them when the demo ends.
 */
export async function startDemoBackend(env: NodeJS.ProcessEnv = process.env): Promise<DemoBackend> {
  const emulator = await startPlaidEmulator({
    seed: env.PLAID_EMULATOR_SEED || 'ledgerlight-demo',
    port: env.PLAID_EMULATOR_PORT ? Number(env.PLAID_EMULATOR_PORT) : 0,
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerlight-demo-'));
  const secrets = new MemorySecretStore();
  await secrets.set(secretAccounts.plaidClientId('sandbox'), emulator.control.clientId);
  await secrets.set(secretAccounts.plaidSecret('sandbox'), emulator.control.secret);
  return {
    emulator,
    linkScriptUrl: `${emulator.url}/link/v2/stable/link-initialize.js`,
    coreOptions: {
      dataDir,
      secrets,
      plaidBaseUrl: emulator.url,
      demoMode: true,
    },
    async populate(core, log) {
      for (const institutionId of DEMO_INSTITUTIONS) {
        const result = await core.invoke('link.sandboxConnect', { institutionId });
        if (!result.ok)
          log.warn('demo bank not connected', { institutionId, code: result.error.code });
      }
      await populateOwnMoney(core, emulator.control.today(), log);
    },
    async close() {
      await emulator.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
