import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Ledgerlight';

/**
 * The same folder Electron's `app.getPath('userData')` gives the desktop app, so the browser host
 * and the desktop app share one data file when run one after the other.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}
