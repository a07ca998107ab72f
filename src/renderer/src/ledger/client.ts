import type { InvokeResult, LedgerApi, LedgerBridge } from '../../../shared/contract';
import { LedgerError } from '../../../shared/errors';

/** The typed client the UI uses: unwraps each result, throwing the contract's LedgerError. */
export function createLedgerClient(bridge: LedgerBridge): LedgerApi {
  return {
    async invoke(channel, ...args) {
      return unwrap(await bridge.invoke(channel, args[0]));
    },
    onEvent: (listener) => bridge.onEvent(listener),
    async openLink(request) {
      unwrap(await bridge.openLink(request));
    },
    async openHostedLink(request) {
      unwrap(await bridge.openHostedLink(request));
    },
  };
}

function unwrap<T>(result: InvokeResult<T>): T {
  if (!result.ok) throw LedgerError.fromShape(result.error);
  return result.value;
}
