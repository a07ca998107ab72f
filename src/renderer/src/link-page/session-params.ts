/** This tab's Link token, kept so a bank's OAuth redirect can come back to the same session. */
const STORAGE_KEY = 'ledgerlight.linkToken';

export interface LinkParams {
  token: string | null;
  /** Set when a bank's OAuth page sent the user back: Link resumes the same session with it. */
  receivedRedirectUri: string | null;
}

/**
 * The Link page is opened as `/#token=…` (and, when the desktop app resumes an OAuth session,
 * `&redirect=<the address Plaid sent the bank back to>`). The token moves out of the address bar
 * into this tab's storage; a page loaded at the registered redirect address itself (the browser
 * host's pop-up, back from the bank) takes it from there, with its own address as the redirect.
 */
export function readLinkParams(location: Location, storage: Storage, history: History): LinkParams {
  const hash = new URLSearchParams(location.hash.slice(1));
  const token = hash.get('token');
  if (token) {
    storage.setItem(STORAGE_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
    return { token, receivedRedirectUri: hash.get('redirect') };
  }
  const stored = storage.getItem(STORAGE_KEY);
  const back = new URLSearchParams(location.search).has('oauth_state_id');
  return { token: stored, receivedRedirectUri: stored && back ? location.href : null };
}
