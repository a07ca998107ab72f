/**
 * The Electron IPC channel names that are not contract channels. They live apart from the
 * contract so the Link window's preload can name its one channel without bundling the contract's
 * schemas.
 */

/** The Electron IPC channel that carries events to the renderer (requests use the channel names). */
export const EVENT_IPC_CHANNEL = 'ledger:event';
/** The app window asks the shell to open the Link window (LedgerBridge.openLink). */
export const LINK_OPEN_IPC_CHANNEL = 'ledger:link-open';
/** The app window asks the shell to open a Hosted Link page in the browser. */
export const HOSTED_LINK_OPEN_IPC_CHANNEL = 'ledger:hosted-link-open';
/** The Link window's one call: how the session ended (`linkOutcomeSchema`). */
export const LINK_FINISHED_IPC_CHANNEL = 'link:finished';
