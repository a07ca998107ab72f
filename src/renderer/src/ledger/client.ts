import type { LedgerApi, LedgerBridge } from '../../../shared/contract';
import { LedgerError } from '../../../shared/errors';

/** The typed client the UI uses: unwraps each result, throwing the contract's LedgerError. */
export function createLedgerClient(bridge: LedgerBridge): LedgerApi {
  return {
    async invoke(channel, ...args) {
      const result = await bridge.invoke(channel, args[0]);
      if (!result.ok) throw LedgerError.fromShape(result.error);
      return result.value;
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
