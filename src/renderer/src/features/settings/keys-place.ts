/**
 * Where the Plaid keys are kept, in words: the system keychain, or, in demo mode, the memory of
 * this session (the demo's emulator keys never reach the keychain).
 */
export function keysPlace(demo: boolean): string {
  return demo ? 'memory for this demo session only' : 'the system keychain';
}
