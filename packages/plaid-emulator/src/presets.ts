import type { EmulatorState } from './state';

/**
 * Named scenarios for `startPlaidEmulator({ scenario })` and PLAID_EMULATOR_SCENARIO: common
 * conditions an app must survive, without a test having to script them. 'not-ready' and
 * 'login-required' act on Items as they are created (see state.ts and options.ts).
 */
export function applyScenarioPresets(state: EmulatorState): void {
  for (const scenario of state.options.scenarios) {
    switch (scenario) {
      case 'happy':
      case 'not-ready':
      case 'login-required':
        break;
      case 'flaky':
        state.scenarios.inject({ endpoint: '*', probability: 0.1, error: 'INTERNAL_SERVER_ERROR' });
        state.scenarios.inject({ endpoint: '*', probability: 0.05, error: 'RATE_LIMIT_EXCEEDED' });
        state.scenarios.inject({ endpoint: '*', probability: 0.02, drop: true });
        break;
      case 'slow':
        state.scenarios.inject({ endpoint: '*', probability: 1, latencyMs: 400 });
        break;
      case 'mutation-during-pagination':
        state.scenarios.inject({
          endpoint: '/transactions/sync',
          times: 1,
          error: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
        });
        break;
      default: {
        const unknown: never = scenario;
        throw new Error(`unknown scenario ${String(unknown)}`);
      }
    }
  }
}
