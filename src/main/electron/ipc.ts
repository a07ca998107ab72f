import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  CHANNEL_NAMES,
  EVENT_IPC_CHANNEL,
  HOSTED_LINK_OPEN_IPC_CHANNEL,
  LINK_FINISHED_IPC_CHANNEL,
  LINK_OPEN_IPC_CHANNEL,
  linkPageRequestSchema,
  type InvokeResult,
} from '../../shared/contract';
import type { Core } from '../core';
import { LinkPortInUseError } from '../link-page/server';
import type { Logger } from '../log';
import { describeOrigin, isSameOrigin, type Origin } from './origin';

export type SenderCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether an IPC message comes from a window's own main frame, on the origin that window must
 * be showing. A sub-frame, another window, or the right window after it navigated elsewhere, is
 * refused with the reason.
 */
export function checkSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | undefined,
  origin: Origin | null,
): SenderCheck {
  if (!window || window.isDestroyed() || !origin) return { ok: false, reason: 'no such window' };
  if (event.sender !== window.webContents) return { ok: false, reason: 'another window' };
  const frame = event.senderFrame;
  if (!frame) return { ok: false, reason: 'the frame is gone' };
  const main = window.webContents.mainFrame;
  if (
    frame.parent !== null ||
    frame.processId !== main.processId ||
    frame.routingId !== main.routingId
  ) {
    return { ok: false, reason: 'a sub-frame' };
  }
  if (!isSameOrigin(frame.url, origin)) {
    return { ok: false, reason: `another origin (${describeOrigin(frame.url)})` };
  }
  return { ok: true };
}

/** What the Link window needs from the binding (see link-window.ts). */
export interface LinkWindowControl {
  open(linkToken: string): Promise<void>;
  openHosted(linkToken: string): Promise<boolean>;
  checkSender(event: IpcMainInvokeEvent): SenderCheck;
  finished(outcome: unknown): Promise<InvokeResult<null>>;
}

export interface IpcBinding {
  core: Core;
  appWindow(): BrowserWindow | undefined;
  appOrigin: Origin;
  link: LinkWindowControl;
  log: Logger;
}

/**
 * Binds the core to IPC: one handler per contract channel, plus the three Link calls, each
 * behind a sender check. Refusals are logged with their reason and answered as data (the
 * contract's error shape), like every other failure.
 */
export function bindIpc(binding: IpcBinding): void {
  const { core, log } = binding;
  const fromApp = (channel: string, event: IpcMainInvokeEvent): InvokeResult<never> | null => {
    const check = checkSender(event, binding.appWindow(), binding.appOrigin);
    if (check.ok) return null;
    log.warn('ipc call refused', {
      channel,
      reason: check.reason,
      from: describeOrigin(event.senderFrame?.url ?? ''),
    });
    return refused();
  };

  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(
      name,
      (event, input: unknown) => fromApp(name, event) ?? core.invoke(name, input),
    );
  }
  ipcMain.handle(LINK_OPEN_IPC_CHANNEL, async (event, input: unknown) => {
    const refusal = fromApp(LINK_OPEN_IPC_CHANNEL, event);
    if (refusal) return refusal;
    const request = linkPageRequestSchema.safeParse(input);
    if (!request.success) return invalid();
    return attempt(log, () => binding.link.open(request.data.linkToken));
  });
  ipcMain.handle(HOSTED_LINK_OPEN_IPC_CHANNEL, async (event, input: unknown) => {
    const refusal = fromApp(HOSTED_LINK_OPEN_IPC_CHANNEL, event);
    if (refusal) return refusal;
    const request = linkPageRequestSchema.safeParse(input);
    if (!request.success) return invalid();
    const opened = await binding.link.openHosted(request.data.linkToken);
    return opened
      ? { ok: true, value: null }
      : {
          ok: false,
          error: {
            code: 'NOT_FOUND',
            message: 'This is not a Hosted Link session of Ledgerlight.',
          },
        };
  });
  ipcMain.handle(LINK_FINISHED_IPC_CHANNEL, async (event, outcome: unknown) => {
    const check = binding.link.checkSender(event);
    if (!check.ok) {
      log.warn('ipc call refused', {
        channel: LINK_FINISHED_IPC_CHANNEL,
        reason: check.reason,
        from: describeOrigin(event.senderFrame?.url ?? ''),
      });
      return false;
    }
    return (await binding.link.finished(outcome)).ok;
  });
}

/** Core events go to the app window, and to no other. */
export function forwardEvents(core: Core, appWindow: () => BrowserWindow | undefined): () => void {
  return core.events.subscribe((event) => {
    const win = appWindow();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_IPC_CHANNEL, event);
  });
}

function refused(): InvokeResult<never> {
  return {
    ok: false,
    error: { code: 'VALIDATION', message: 'This window may not call Ledgerlight.' },
  };
}

function invalid(): InvokeResult<never> {
  return { ok: false, error: { code: 'VALIDATION', message: 'A link token is required.' } };
}

async function attempt(log: Logger, open: () => Promise<void>): Promise<InvokeResult<null>> {
  try {
    await open();
    return { ok: true, value: null };
  } catch (error) {
    log.error('link window failed to open', { error });
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          error instanceof LinkPortInUseError
            ? error.message
            : 'The Plaid window could not be opened. The details are in the log.',
      },
    };
  }
}
