/**
 * Demo mode only: Plaid Link's script comes from the built-in emulator instead of Plaid's CDN.
 *
 * react-plaid-link always asks for https://cdn.plaid.com/link/v2/stable/link-initialize.js, and it
 * treats an existing <script> tag with that src as already loaded (see PLAID-NOTES §7). So we load
 * the emulator's fake Link script ourselves (it defines window.Plaid), then add an inert
 * `type="text/plain"` tag with the CDN address: the hook finds that tag, skips its own download
 * and uses the window.Plaid already defined. Outside demo mode nothing here runs and the hook
 * loads Plaid's real script as usual. No inline script is involved, so the CSP stays strict.
 */
export const PLAID_LINK_SCRIPT_URL = 'https://cdn.plaid.com/link/v2/stable/link-initialize.js';

let loading: Promise<void> | null = null;

export function prepareLinkScript(demoLinkScriptUrl: string | null): Promise<void> {
  if (!demoLinkScriptUrl) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = demoLinkScriptUrl;
    script.async = true;
    script.addEventListener('load', () => {
      const placeholder = document.createElement('script');
      placeholder.type = 'text/plain';
      placeholder.src = PLAID_LINK_SCRIPT_URL;
      document.head.appendChild(placeholder);
      resolve();
    });
    script.addEventListener('error', () => {
      loading = null;
      script.remove();
      reject(new Error('The demo bank’s Link page could not be loaded.'));
    });
    document.head.appendChild(script);
  });
  return loading;
}
