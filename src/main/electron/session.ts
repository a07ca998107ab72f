import { app, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../log';
import { isAllowedExternalUrl, isPlaidUrl } from '../security/urls';
import { describeOrigin, isSameOrigin, type Origin } from './origin';
import { LOCKED_DOWN } from './window';

/**
 * Permissions are denied by default. `allow` names the one exception a session has (the app
 * window writing text to the clipboard for its "Copy" buttons; never reading it).
 */
export function denyPermissions(
  session: Session,
  allow: (contents: WebContents | null, permission: string) => boolean = () => false,
): void {
  session.setPermissionRequestHandler((contents, permission, callback) =>
    callback(allow(contents, permission)),
  );
  session.setPermissionCheckHandler((contents, permission) => allow(contents, permission));
}

export interface WindowPolicy {
  /** The app window's contents, pinned to the app's own origin. */
  appContents(): WebContents | undefined;
  appOrigin: Origin;
  /** The Link window's contents: its navigation is the Link window's own business. */
  isLinkContents(contents: WebContents): boolean;
  log: Logger;
}

/**
 * Navigation and new windows, for every web contents the app ever creates:
 * - the app window never leaves its origin and opens no window; links on the allowlist go to
 *   the system browser;
 * - the Link window and its pop-ups may open Plaid's OAuth pop-ups (https on plaid.com) as
 *   sandboxed child windows, whose bank pages may then go where the bank goes (https only);
 * - nothing embeds a <webview>.
 */
export function guardWebContents(policy: WindowPolicy): void {
  const linkFamily = new WeakSet<WebContents>();
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => {
      const url = event.url;
      if (contents === policy.appContents()) {
        if (!isSameOrigin(url, policy.appOrigin)) {
          event.preventDefault();
          policy.log.warn('navigation refused', { window: 'app', to: describeOrigin(url) });
        }
      } else if (!policy.isLinkContents(contents) && !url.startsWith('https:')) {
        // Pop-ups: the bank's pages, over https only.
        event.preventDefault();
        policy.log.warn('navigation refused', { window: 'pop-up', to: describeOrigin(url) });
      }
    });
    contents.setWindowOpenHandler(({ url }) => {
      const fromLink = policy.isLinkContents(contents) || linkFamily.has(contents);
      if (fromLink && isPlaidUrl(url)) {
        return {
          action: 'allow',
          overrideBrowserWindowOptions: {
            width: 480,
            height: 720,
            autoHideMenuBar: true,
            webPreferences: { ...LOCKED_DOWN },
          },
        };
      }
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      else policy.log.warn('window refused', { to: describeOrigin(url) });
      return { action: 'deny' };
    });
    contents.on('did-create-window', (child) => {
      if (policy.isLinkContents(contents) || linkFamily.has(contents)) {
        linkFamily.add(child.webContents);
      }
    });
  });
}
