import { z } from 'zod';
import { SYNC_FREQUENCY_MINUTES } from '../../shared/contract';
import type { AppSettings } from '../../shared/model';
import type { CoreContext } from '../context';
import type { HandlerGroup } from './types';

const DEFAULT_FREQUENCY_KEY = 'sync.defaultFrequencyMinutes';
const frequencySchema = z
  .number()
  .int()
  .min(SYNC_FREQUENCY_MINUTES.min)
  .max(SYNC_FREQUENCY_MINUTES.max);

export function defaultSyncFrequency(ctx: CoreContext): number {
  return ctx.repos.settings.get(
    DEFAULT_FREQUENCY_KEY,
    frequencySchema,
    SYNC_FREQUENCY_MINUTES.default,
  );
}

function appSettings(ctx: CoreContext): AppSettings {
  return {
    dataDir: ctx.dataDir,
    databasePath: ctx.databasePath,
    defaultSyncFrequencyMinutes: defaultSyncFrequency(ctx),
    demoMode: ctx.demoMode,
    version: ctx.version,
  };
}

export function settingsHandlers(ctx: CoreContext): HandlerGroup<'settings'> {
  return {
    'settings.getPlaid': () => ctx.plaid.describe(),
    'settings.setPlaid': async (input) => {
      await ctx.plaid.save(input);
      ctx.log.info('plaid keys saved', { environment: input.environment });
      return ctx.plaid.describe();
    },
    'settings.clearPlaid': async ({ environment }) => {
      await ctx.plaid.clear(environment);
      ctx.log.info('plaid keys removed', { environment });
      return ctx.plaid.describe();
    },
    'settings.get': async () => appSettings(ctx),
    'settings.update': async (input) => {
      if (input.defaultSyncFrequencyMinutes !== undefined) {
        ctx.repos.settings.set(DEFAULT_FREQUENCY_KEY, input.defaultSyncFrequencyMinutes);
      }
      return appSettings(ctx);
    },
  };
}
