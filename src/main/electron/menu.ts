import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Core } from '../core';

/** The application menu: the platform's usual menus, and Sync All under File. */
export function installMenu(core: Core, platform: NodeJS.Platform): void {
  const syncAll: MenuItemConstructorOptions = {
    label: 'Sync All Connections',
    accelerator: 'CmdOrCtrl+Shift+S',
    click: () => void core.invoke('connections.sync', {}),
  };
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        syncAll,
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
