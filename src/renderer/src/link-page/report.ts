import type { LinkOutcome, LinkWindowBridge } from '../../../shared/contract';

declare global {
  interface Window {
    /** The desktop Link window's one call (src/preload/link.ts); absent in a browser. */
    ledgerlightLink?: LinkWindowBridge;
  }
}

/**
 * Tells Ledgerlight how Link ended: through the Link window's preload in the desktop app, or the
 * Link page's one endpoint in the browser host. Nothing else leaves this page.
 */
export async function report(outcome: LinkOutcome): Promise<boolean> {
  if (window.ledgerlightLink) return window.ledgerlightLink.finished(outcome);
  try {
    const response = await fetch('/result', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(outcome),
      keepalive: true,
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The browser host only: a pop-up closed before Link said anything still says "exit", so the app
 * stops waiting. (The desktop shell sees its window close by itself.)
 */
export function reportExitOnClose(linkToken: string, isDone: () => boolean): void {
  if (window.ledgerlightLink) return;
  window.addEventListener('pagehide', () => {
    if (isDone()) return;
    const exit: LinkOutcome = { linkToken, status: 'exit', error: null };
    navigator.sendBeacon('/result', new Blob([JSON.stringify(exit)], { type: 'application/json' }));
  });
}
