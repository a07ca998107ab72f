import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import type { Core, CoreOptions } from '../core';
import type { Logger } from '../log';
import type { LinkToken } from '../../shared/model';
import { MemorySecretStore } from '../secrets/memory-store';
import { secretAccounts } from '../secrets/secret-store';
import { populateOwnMoney } from './own-money';

/** The banks a newcomer finds connected: checking, savings, cards, loans, more than one currency. */
export const DEMO_INSTITUTIONS = ['ins_109508', 'ins_109511'];

/**
 * The demo bank that also holds investments and loans. It is linked through Link, like a person
 * would, so that Plaid's optional investments and liabilities products come with it (connecting
 * without Link asks for transactions only).
 */
const DEMO_PORTFOLIO_INSTITUTION = 'ins_109508';

async function linkWithAllProducts(core: Core, emulator: PlaidEmulator, institutionId: string) {
  const token = await core.invoke('link.createToken', {});
  if (!token.ok) return token;
  const { linkToken } = token.value as LinkToken;
  const done = emulator.control.completeLink(linkToken, { institutionId });
  return core.invoke('link.exchange', {
    publicToken: done.publicToken,
    institution: null,
    accounts: [],
  });
}

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
        const result =
          institutionId === DEMO_PORTFOLIO_INSTITUTION
            ? await linkWithAllProducts(core, emulator, institutionId)
            : await core.invoke('link.sandboxConnect', { institutionId });
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
