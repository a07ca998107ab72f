import { z } from 'zod';
import { SYNC_FREQUENCY_MINUTES } from '../../shared/contract';
import type { AppSettings } from '../../shared/model';
import { LedgerError } from '../../shared/errors';
import type { CoreContext } from '../context';
import type { PlaidCredentials } from '../plaid/credentials';
import { OAUTH_REDIRECT_URI_KEY } from '../linking/link-service';
import { toPlaidFailure } from '../plaid/errors';
import { CountryCode } from '../plaid/sdk-values';
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
    oauthRedirectUri: ctx.repos.settings.get(OAUTH_REDIRECT_URI_KEY, z.string().nullable(), null),
    loopbackRedirectUri: ctx.linkPage.loopbackRedirectUri,
    version: ctx.version,
  };
}

export function settingsHandlers(ctx: CoreContext): HandlerGroup<'settings'> {
  return {
    'settings.getPlaid': () => ctx.plaid.describe(),
    'settings.setPlaid': async (input) => {
      await verifyKeys(ctx, {
        environment: input.environment,
        clientId: input.clientId,
        secret: input.secret,
        baseUrl: ctx.plaid.baseUrl(input.environment),
      });
      // Keychain first: if it fails, nothing else has changed.
      await ctx.plaid.saveKeys(input);
      ctx.log.info('plaid keys saved', { environment: input.environment });
      if (input.environment !== ctx.environment) return ctx.switchEnvironment(input.environment);
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
      if (input.oauthRedirectUri !== undefined) {
        ctx.repos.settings.set(OAUTH_REDIRECT_URI_KEY, input.oauthRedirectUri);
      }
      return appSettings(ctx);
    },
  };
}

/** A Sandbox institution: any environment answers for it once the keys are right. */
const PROBE_INSTITUTION = 'ins_109508';

/**
 * One cheap authenticated call before anything is saved: wrong keys are refused here, with
 * Plaid's own words, instead of failing the first sync later. Any answer other than a key or
 * transport error (say, an unknown institution in Production) proves the keys work.
 */
async function verifyKeys(ctx: CoreContext, credentials: PlaidCredentials): Promise<void> {
  try {
    await ctx.createPlaidApi(credentials).institutionsGetById({
      institution_id: PROBE_INSTITUTION,
      country_codes: [CountryCode.Us],
    });
  } catch (error) {
    const failure = toPlaidFailure(error);
    if (failure.kind === 'invalid-keys') {
      throw new LedgerError(
        'VALIDATION',
        `Plaid did not accept this client id and secret for ${credentials.environment}. Nothing was saved.`,
        {
          plaidErrorCode: failure.code,
          issues: [{ path: 'secret', message: 'Plaid did not accept this secret.' }],
        },
      );
    }
    if (failure.kind !== 'request') {
      const refused = failure.toLedgerError();
      throw new LedgerError(
        'PLAID',
        `Ledgerlight could not check the keys with Plaid, so nothing was saved. ${failure.message}`,
        refused.details,
      );
    }
  }
}
