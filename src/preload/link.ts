/**
 * The Link window's preload. Plaid's script runs in that window, so it gets exactly one call:
 * "Link finished with this result". No channel of the core, no events, nothing else; the shell
 * checks that the call comes from the Link page itself and validates what it says.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { LinkWindowBridge } from '../shared/contract';
import { LINK_FINISHED_IPC_CHANNEL } from '../shared/ipc-channels';

const bridge: LinkWindowBridge = {
  async finished(outcome) {
    return (await ipcRenderer.invoke(LINK_FINISHED_IPC_CHANNEL, outcome)) === true;
  },
};

contextBridge.exposeInMainWorld('ledgerlightLink', bridge);
