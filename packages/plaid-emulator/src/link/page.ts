import type { LinkAccountView, LinkInstitutionView, StartView } from '../link-sessions';
import type {
  EventMetadata,
  FromLinkMessage,
  LinkErrorShape,
  SuccessMetadata,
  ToLinkMessage,
} from './protocol';
import { asBrowserScript } from './serialize';

/**
 * link.html: the fake Link UI. It runs inside the iframe link-initialize.js creates (or on its own
 * as a Hosted Link page) and walks institution choice → sign-in (or a simulated OAuth consent) →
 * account selection → success, talking to the emulator with same-origin fetches and to the host
 * page with origin-checked postMessages. Real form controls and stable labels keep it testable.
 */

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: rgba(17, 24, 39, 0.55); }
  body.hosted { background: #f3f4f6; }
  main { position: relative; width: min(420px, calc(100vw - 32px)); min-height: 480px; background: #fff; border-radius: 16px;
    box-shadow: 0 20px 50px rgba(0, 0, 0, 0.25); padding: 32px 28px 24px; display: flex; flex-direction: column; gap: 14px; }
  h1 { font-size: 1.35rem; margin: 8px 0 0; }
  p { margin: 0; color: #374151; line-height: 1.45; }
  .close { position: absolute; top: 12px; right: 12px; border: 0; background: transparent; font-size: 1.4rem; cursor: pointer; color: #6b7280; }
  .back { align-self: flex-start; border: 0; background: transparent; color: #2563eb; cursor: pointer; padding: 0; }
  label { display: flex; flex-direction: column; gap: 6px; font-weight: 600; font-size: 0.9rem; }
  input[type=text], input[type=password], input[type=search] { font: inherit; padding: 10px 12px; border: 1px solid #d1d5db; border-radius: 8px; }
  ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; overflow-y: auto; max-height: 300px; }
  li { display: flex; align-items: center; gap: 8px; }
  .institution { flex: 1; text-align: left; font: inherit; padding: 12px; border: 1px solid #e5e7eb; border-radius: 10px; background: #fff; cursor: pointer; }
  .institution:hover, .institution:focus { border-color: #2563eb; }
  .badge { font-size: 0.75rem; color: #92400e; background: #fef3c7; border-radius: 999px; padding: 2px 8px; }
  .badge.down { color: #991b1b; background: #fee2e2; }
  .primary { margin-top: auto; font: inherit; font-weight: 600; padding: 12px; border: 0; border-radius: 10px; background: #111827; color: #fff; cursor: pointer; }
  .primary:disabled { opacity: 0.45; cursor: not-allowed; }
  .alert { color: #991b1b; background: #fee2e2; border-radius: 8px; padding: 10px 12px; }
  .account { font-weight: 400; flex-direction: row; align-items: center; gap: 10px; padding: 10px; border: 1px solid #e5e7eb; border-radius: 10px; }
  fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 8px; }
  legend { font-weight: 600; margin-bottom: 6px; }
  .hint { font-size: 0.8rem; color: #6b7280; }
`;

let cached: string | null = null;

export function linkPageHtml(): string {
  cached ??= `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plaid Link (emulator)</title>
<style>${STYLE}</style>
</head>
<body>
<main id="app" aria-live="polite"><p>Loading…</p></main>
<script>${asBrowserScript(linkPageMain)}</script>
</body>
</html>
`;
  return cached;
}

type View =
  | { name: 'loading' }
  | { name: 'institutions'; query: string }
  | { name: 'credentials'; error: string | null; username?: string }
  | { name: 'oauth' }
  | { name: 'bank' }
  | { name: 'accounts'; accounts: LinkAccountView[] }
  | { name: 'success'; metadata: SuccessMetadata }
  | { name: 'fatal'; message: string }
  | { name: 'done'; message: string };

interface ApiError extends LinkErrorShape {
  request_id: string;
}

function linkPageMain(): void {
  const SOURCE = 'plaid-link-emulator' as const;
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get('token') ?? '';
  const receivedRedirect = params.get('redirect');
  const hosted = params.get('hosted') === '1' || window.parent === window;
  const claimedOrigin = params.get('origin');
  const ancestors = window.location.ancestorOrigins;
  // The host page names its origin; the browser's own record of our ancestors must agree.
  const parentOrigin =
    !hosted &&
    claimedOrigin &&
    claimedOrigin !== 'null' &&
    (!ancestors || ancestors.length === 0 || ancestors[0] === claimedOrigin)
      ? claimedOrigin
      : null;
  const app = document.getElementById('app') as HTMLElement;
  if (hosted) document.body.classList.add('hosted');

  let session: StartView | null = null;
  let institution: LinkInstitutionView | null = null;
  let lastError: ApiError | null = null;
  let view: View = { name: 'loading' };
  let started = false;
  let finished = false;

  function toParent(message: FromLinkMessage): void {
    if (hosted || !parentOrigin) return;
    window.parent.postMessage(message, parentOrigin);
  }

  function viewName(v: View): string | null {
    switch (v.name) {
      case 'institutions':
        return 'SELECT_INSTITUTION';
      case 'credentials':
        return 'CREDENTIAL';
      case 'oauth':
      case 'bank':
        return 'OAUTH';
      case 'accounts':
        return 'SELECT_ACCOUNT';
      case 'success':
        return 'CONNECTED';
      case 'fatal':
        return 'ERROR';
      default:
        return null;
    }
  }

  function emit(name: string, extra: Partial<EventMetadata> = {}): void {
    const metadata: EventMetadata = {
      account_number_mask: null,
      error_type: null,
      error_code: null,
      error_message: null,
      exit_status: null,
      institution_id: institution ? institution.institution_id : null,
      institution_name: institution ? institution.name : null,
      institution_search_query: null,
      is_update_mode: session ? String(session.mode === 'update') : null,
      match_reason: null,
      mfa_type: null,
      routing_number: null,
      view_name: viewName(view),
      selection: null,
      timestamp: new Date().toISOString(),
      link_session_id: session ? session.link_session_id : '',
      request_id: lastError ? lastError.request_id : '',
      ...extra,
    };
    toParent({ source: SOURCE, type: 'event', name, metadata });
  }

  async function api<T>(path: string, body: Record<string, unknown>): Promise<T> {
    const response = await fetch(`/link/v2/stable/api/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as T | ApiError;
    if (!response.ok) throw json as ApiError;
    return json as T;
  }

  function asApiError(error: unknown): ApiError {
    const e = error as Partial<ApiError> | null;
    if (e && typeof e.error_code === 'string') return e as ApiError;
    return {
      error_type: 'API_ERROR',
      error_code: 'INTERNAL_SERVER_ERROR',
      error_message: String(error),
      display_message: 'Something went wrong. Please try again.',
      request_id: '',
    };
  }

  function recordError(error: ApiError): void {
    lastError = error;
    emit('ERROR', {
      error_type: error.error_type,
      error_code: error.error_code,
      error_message: error.error_message,
    });
  }

  function h<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Record<string, string | boolean | ((event: Event) => void)> = {},
    ...children: Array<Node | string | null>
  ): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (typeof value === 'function') element.addEventListener(key.slice(2).toLowerCase(), value);
      else if (typeof value === 'boolean') {
        if (value) element.setAttribute(key, '');
      } else element.setAttribute(key, value);
    }
    for (const child of children) if (child !== null) element.append(child);
    return element;
  }

  function go(next: View): void {
    const transition = next.name !== view.name;
    view = next;
    render();
    if (transition && viewName(next)) emit('TRANSITION_VIEW');
  }

  function closeButton(): HTMLElement {
    return h(
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => void exit() },
      '×',
    );
  }

  function render(): void {
    app.replaceChildren();
    const v = view;
    switch (v.name) {
      case 'loading':
        app.append(h('p', {}, 'Loading…'));
        return;
      case 'fatal':
        app.append(
          h('h1', {}, 'Something went wrong'),
          h('p', { role: 'alert', class: 'alert' }, v.message),
          h('button', { type: 'button', class: 'primary', onclick: () => void exit() }, 'Exit'),
        );
        return;
      case 'done':
        app.append(h('h1', {}, 'All done'), h('p', {}, v.message));
        return;
      case 'institutions':
        return renderInstitutions(v.query);
      case 'credentials':
        return renderCredentials(v.error, v.username ?? '');
      case 'oauth':
        return renderOAuth();
      case 'bank':
        return renderBank();
      case 'accounts':
        return renderAccounts(v.accounts);
      case 'success':
        return renderSuccess(v.metadata);
    }
  }

  function renderInstitutions(query: string): void {
    const list = h('ul', { 'aria-label': 'Institutions' });
    const fill = (q: string) => {
      list.replaceChildren();
      const needle = q.trim().toLowerCase();
      for (const inst of session ? session.institutions : []) {
        if (needle && !inst.name.toLowerCase().includes(needle)) continue;
        const badge =
          inst.status === 'HEALTHY'
            ? null
            : h(
                'span',
                { class: inst.status === 'DOWN' ? 'badge down' : 'badge' },
                inst.status === 'DOWN' ? 'Unavailable' : 'Degraded',
              );
        list.append(
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'institution', onclick: () => selectInstitution(inst) },
              inst.name,
            ),
            badge,
          ),
        );
      }
      if (!list.firstChild) list.append(h('li', {}, h('p', {}, 'No matching institutions.')));
    };
    const search = h('input', {
      type: 'search',
      id: 'institution-search',
      autocomplete: 'off',
      value: query,
    });
    search.addEventListener('input', () => {
      fill(search.value);
      emit('SEARCH_INSTITUTION', { institution_search_query: search.value });
    });
    app.append(
      closeButton(),
      h('h1', {}, 'Select your institution'),
      h('label', {}, 'Search institutions', search),
      list,
    );
    fill(query);
    search.focus();
  }

  function selectInstitution(inst: LinkInstitutionView): void {
    institution = inst;
    lastError = null;
    emit('SELECT_INSTITUTION');
    go(inst.oauth ? { name: 'oauth' } : { name: 'credentials', error: null });
  }

  function renderCredentials(error: string | null, lastUsername: string): void {
    const name = institution ? institution.name : 'your institution';
    const username = h('input', {
      type: 'text',
      id: 'username',
      name: 'username',
      autocomplete: 'off',
      required: true,
      value: lastUsername,
    });
    const password = h('input', {
      type: 'password',
      id: 'password',
      name: 'password',
      autocomplete: 'off',
      required: true,
    });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Submit');
    const form = h(
      'form',
      { 'aria-label': 'Sign in' },
      h('label', {}, 'Username', username),
      h('label', {}, 'Password', password),
      error ? h('p', { role: 'alert', class: 'alert' }, error) : null,
      h(
        'p',
        { class: 'hint' },
        'Sandbox: user_good / pass_good, or user_transactions_dynamic with any password.',
      ),
      submit,
    );
    form.style.display = 'flex';
    form.style.flexDirection = 'column';
    form.style.gap = '14px';
    form.style.flex = '1';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void submitCredentials(username.value, password.value, submit);
    });
    const updateMode = session !== null && session.mode === 'update';
    app.append(
      closeButton(),
      updateMode
        ? ''
        : h(
            'button',
            {
              type: 'button',
              class: 'back',
              onclick: () => go({ name: 'institutions', query: '' }),
            },
            '← Back',
          ),
      h('h1', {}, `Log in to ${name}`),
      h(
        'p',
        {},
        updateMode
          ? 'Your login needs to be updated to keep your accounts connected.'
          : `Enter your ${name} credentials.`,
      ),
      form,
    );
    (lastUsername ? password : username).focus();
  }

  async function submitCredentials(
    username: string,
    password: string,
    button: HTMLButtonElement,
  ): Promise<void> {
    if (!session || !institution) return;
    button.disabled = true;
    emit('SUBMIT_CREDENTIALS');
    try {
      const { accounts } = await api<{ accounts: LinkAccountView[] }>('credentials', {
        link_session_id: session.link_session_id,
        institution_id: institution.institution_id,
        username,
        password,
      });
      lastError = null;
      await afterSignIn(accounts);
    } catch (error) {
      const e = asApiError(error);
      recordError(e);
      go({ name: 'credentials', error: e.display_message ?? e.error_message, username });
    }
  }

  function renderOAuth(): void {
    const name = institution ? institution.name : 'your bank';
    app.append(
      closeButton(),
      h(
        'button',
        { type: 'button', class: 'back', onclick: () => go({ name: 'institutions', query: '' }) },
        '← Back',
      ),
      h('h1', {}, `Continue to ${name}`),
      h('p', {}, `You will be sent to ${name} to log in and choose what to share.`),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          onclick: () => {
            emit('OPEN_OAUTH');
            go({ name: 'bank' });
          },
        },
        'Continue',
      ),
    );
  }

  function renderBank(): void {
    const name = institution ? institution.name : 'Your bank';
    const client = session ? session.client_name : 'this app';
    const authorize = h('button', { type: 'button', class: 'primary' }, 'Authorize');
    authorize.addEventListener('click', () => void authorizeOAuth(authorize));
    app.append(
      closeButton(),
      h('h1', {}, `${name}: authorize access`),
      h('p', {}, `${client} is requesting access to your account information through Plaid.`),
      authorize,
    );
  }

  async function authorizeOAuth(button: HTMLButtonElement): Promise<void> {
    if (!session || !institution) return;
    button.disabled = true;
    try {
      const result = await api<{ accounts: LinkAccountView[]; redirect: string | null }>('oauth', {
        link_session_id: session.link_session_id,
        institution_id: institution.institution_id,
      });
      if (result.redirect && !hosted) {
        // With a redirect_uri the host page leaves for the bank and comes back with
        // receivedRedirectUri; a new Link instance resumes this session.
        toParent({ source: SOURCE, type: 'redirect', url: result.redirect });
        return;
      }
      emit('CLOSE_OAUTH');
      await afterSignIn(result.accounts);
    } catch (error) {
      const e = asApiError(error);
      recordError(e);
      go({ name: 'fatal', message: e.display_message ?? e.error_message });
    }
  }

  async function afterSignIn(accounts: LinkAccountView[]): Promise<void> {
    if (session && session.account_selection) go({ name: 'accounts', accounts });
    else await finish(accounts.map((a) => a.id));
  }

  function renderAccounts(accounts: LinkAccountView[]): void {
    const client = session ? session.client_name : 'this app';
    const boxes: HTMLInputElement[] = [];
    const fieldset = h('fieldset', {}, h('legend', {}, 'Accounts'));
    const continueButton = h('button', { type: 'button', class: 'primary' }, 'Continue');
    for (const account of accounts) {
      const shared = session?.shared_account_ids;
      const box = h('input', { type: 'checkbox', value: account.id, checked: true });
      box.checked = !shared || shared.includes(account.id);
      box.addEventListener('change', () => {
        continueButton.disabled = !boxes.some((b) => b.checked);
      });
      boxes.push(box);
      fieldset.append(h('label', { class: 'account' }, box, `${account.name} ••••${account.mask}`));
    }
    continueButton.addEventListener('click', () => {
      continueButton.disabled = true;
      void finish(boxes.filter((b) => b.checked).map((b) => b.value));
    });
    app.append(
      closeButton(),
      h('h1', {}, 'Select accounts'),
      h('p', {}, `Choose the accounts ${client} can access.`),
      fieldset,
      continueButton,
    );
  }

  async function finish(accountIds: string[]): Promise<void> {
    if (!session) return;
    try {
      const result = await api<{
        public_token: string;
        link_session_id: string;
        institution: { name: string; institution_id: string };
        accounts: LinkAccountView[];
      }>('finish', { link_session_id: session.link_session_id, account_ids: accountIds });
      go({
        name: 'success',
        metadata: {
          institution: result.institution,
          accounts: result.accounts,
          link_session_id: result.link_session_id,
          transfer_status: null,
          public_token: result.public_token,
        },
      });
    } catch (error) {
      const e = asApiError(error);
      recordError(e);
      go({ name: 'fatal', message: e.display_message ?? e.error_message });
    }
  }

  function renderSuccess(metadata: SuccessMetadata): void {
    const client = session ? session.client_name : 'the app';
    app.append(
      h('h1', {}, 'Success'),
      h('p', {}, `Your account has been successfully linked to ${client}.`),
      h(
        'button',
        { type: 'button', class: 'primary', onclick: () => handOff(metadata) },
        'Continue',
      ),
    );
  }

  function handOff(metadata: SuccessMetadata): void {
    if (finished) return;
    finished = true;
    emit('HANDOFF');
    if (hosted) return completeHosted('Your account is connected. You can close this window.');
    toParent({ source: SOURCE, type: 'success', publicToken: metadata.public_token, metadata });
    resetForNextOpen();
  }

  function exitStatus(): string | null {
    switch (view.name) {
      case 'institutions':
        return 'institution_not_found';
      case 'credentials':
        return 'requires_credentials';
      case 'oauth':
      case 'bank':
        return 'requires_oauth';
      case 'accounts':
        return 'requires_account_selection';
      default:
        return null;
    }
  }

  async function exit(): Promise<void> {
    if (view.name === 'success') return handOff(view.metadata);
    if (finished) return;
    finished = true;
    const status = exitStatus();
    if (session) {
      try {
        await api('exit', {
          link_session_id: session.link_session_id,
          status,
          error_code: lastError ? lastError.error_code : null,
        });
      } catch {
        // The exit is reported to the host page even if the emulator cannot record it.
      }
    }
    emit('EXIT', { exit_status: status });
    const error: LinkErrorShape | null = lastError
      ? {
          error_type: lastError.error_type,
          error_code: lastError.error_code,
          error_message: lastError.error_message,
          display_message: lastError.display_message,
        }
      : null;
    if (hosted)
      return completeHosted('You left without connecting an account. You can close this window.');
    toParent({
      source: SOURCE,
      type: 'exit',
      error,
      metadata: {
        status,
        institution: institution
          ? { name: institution.name, institution_id: institution.institution_id }
          : null,
        link_session_id: session ? session.link_session_id : '',
        request_id: lastError ? lastError.request_id : '',
      },
    });
    resetForNextOpen();
  }

  function completeHosted(message: string): void {
    go({ name: 'done', message });
    const target = session ? session.completion_redirect_uri : null;
    if (target) window.location.href = target;
  }

  /** Like Plaid's handler, one instance can be opened again after it closed. */
  function resetForNextOpen(): void {
    session = null;
    institution = null;
    lastError = null;
    started = false;
    finished = false;
    view = { name: 'loading' };
    render();
  }

  async function start(): Promise<void> {
    if (started) return;
    started = true;
    finished = false;
    try {
      session = await api<StartView>('start', {
        link_token: token,
        received_redirect_uri: receivedRedirect,
      });
    } catch (error) {
      const e = asApiError(error);
      recordError(e);
      view = { name: 'fatal', message: e.display_message ?? e.error_message };
      if (!hosted) {
        // Plaid's Link closes straight away on a bad token and reports it through onExit.
        await exit();
      } else {
        render();
      }
      return;
    }
    emit('OPEN');
    if (session.institution) institution = session.institution;
    if (session.accounts) go({ name: 'accounts', accounts: session.accounts });
    else if (session.mode === 'update' && institution)
      go(institution.oauth ? { name: 'oauth' } : { name: 'credentials', error: null });
    else go({ name: 'institutions', query: '' });
  }

  window.addEventListener('message', (event: MessageEvent) => {
    if (hosted || !parentOrigin || event.source !== window.parent || event.origin !== parentOrigin)
      return;
    const message = event.data as ToLinkMessage;
    if (!message || message.source !== SOURCE) return;
    if (message.type === 'open') void start();
    if (message.type === 'exit') void exit();
  });

  if (hosted) {
    void start();
  } else if (!parentOrigin) {
    view = {
      name: 'fatal',
      message: "Blocked a frame with origin 'null' from accessing a cross-origin frame.",
    };
    render();
  } else {
    render();
    toParent({ source: SOURCE, type: 'loaded' });
  }
}
