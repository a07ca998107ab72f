import type { LedgerApi, PlaidSettings } from '../../../../shared/contract';
import { useAppSettings } from '../../store/app-settings';
import { useConnections } from '../../store/connections';
import { useLiveSync } from '../../store/live-sync';
import { usePlaidSettings } from '../../store/plaid-settings';

/**
 * New keys may mean a new environment, and each environment has a database of its own: every
 * screen reloads, and so do the data folder facts.
 */
export async function afterKeysSaved(ledger: LedgerApi, settings: PlaidSettings): Promise<void> {
  const previous = usePlaidSettings.getState().settings?.environment;
  usePlaidSettings.getState().saved(settings);
  if (previous !== settings.environment) {
    await Promise.all([
      useAppSettings.getState().load(ledger),
      useConnections.getState().refresh(ledger),
    ]);
  }
  useLiveSync.getState().ledgerChanged();
}
