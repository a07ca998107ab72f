const STORAGE_KEY = 'ledgerlight.token';

/**
 * The headless host prints a URL with `#token=…`. The fragment never reaches a server or a
 * Referer header; the page moves it to sessionStorage (this tab only) and removes it from the
 * address bar so it is not bookmarked or shared by accident.
 */
export function takeHostToken(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    const url = window.location.pathname + window.location.search + (rest ? `#${rest}` : '');
    window.history.replaceState(window.history.state, '', url);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
