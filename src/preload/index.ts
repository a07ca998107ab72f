/**
 * The app window's preload: exposes `window.ledger` (typed by the contract) and nothing else. The
 * renderer gets no ipcRenderer, no Node, and no way to reach a channel the contract does not
 * list. Sandboxed preloads cannot load modules, so electron-vite bundles this into one CommonJS
 * file (`out/preload/index.cjs`).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_IPC_CHANNEL,
  HOSTED_LINK_OPEN_IPC_CHANNEL,
  isChannel,
  LINK_OPEN_IPC_CHANNEL,
  type InvokeResult,
  type LedgerBridge,
  type LedgerEvent,
} from '../shared/contract';

const bridge: LedgerBridge = {
  async invoke(channel, input) {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'Unknown channel.' } };
    }
    return (await ipcRenderer.invoke(channel, input ?? {})) as InvokeResult<never>;
  },
  onEvent(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: LedgerEvent) => listener(payload);
    ipcRenderer.on(EVENT_IPC_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_IPC_CHANNEL, wrapped);
  },
  async openLink(request) {
    return (await ipcRenderer.invoke(LINK_OPEN_IPC_CHANNEL, request)) as InvokeResult<null>;
  },
  async openHostedLink(request) {
    return (await ipcRenderer.invoke(HOSTED_LINK_OPEN_IPC_CHANNEL, request)) as InvokeResult<null>;
  },
};

contextBridge.exposeInMainWorld('ledger', bridge);
