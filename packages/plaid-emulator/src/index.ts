import { createControl, type EmulatorControl } from './control';
import { findInstitution } from './data/institutions';
import { LinkService } from './link-sessions';
import { resolveOptions, type PlaidEmulatorOptions } from './options';
import { applyScenarioPresets } from './presets';
import { startServer } from './server';
import { EmulatorState } from './state';

export interface PlaidEmulator {
  /** e.g. http://127.0.0.1:41234 — use it as the SDK's basePath. */
  url: string;
  control: EmulatorControl;
  close(): Promise<void>;
}

/** Start a Plaid wire-protocol emulator in this process (see README.md). */
export async function startPlaidEmulator(
  options: PlaidEmulatorOptions = {},
): Promise<PlaidEmulator> {
  const resolved = resolveOptions(options);
  const state = new EmulatorState(resolved);
  const link = new LinkService(state);
  applyScenarioPresets(state);
  const control = createControl(state, link);
  for (const spec of resolved.items) {
    if (!findInstitution(spec.institutionId))
      throw new Error(`unknown institution ${spec.institutionId}`);
    control.createItem(spec);
  }
  const server = await startServer(state, link, resolved.port);
  return { url: server.url, control, close: server.close };
}

export type {
  EmulatorControl,
  ItemSummary,
  CreateItemOptions,
  CompleteLinkOptions,
  CompletedLink,
} from './control';
export type { PlaidEmulatorOptions, ScenarioName } from './options';
export type { InjectionRule, InjectionHandle } from './scenarios';
export type { CallRecord } from './calls';
export type { RateLimitOverrides } from './rate-limits';
export type { AdvanceSummary } from './items';
export type { WireTransaction } from './data/timeline';
export type { InstitutionHealth } from './data/institutions';
export type { InstitutionDetails, StatusProduct } from './institution-overrides';
export { INSTITUTIONS } from './data/institutions';
export { DEFAULT_CLIENT_ID, DEFAULT_SECRET } from './options';
export { SANDBOX_LIMITS } from './rate-limits';
export { squareLogoPng } from './data/logo';
