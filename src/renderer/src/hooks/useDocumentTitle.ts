import { useEffect } from 'react';

/** The window title names the screen, as screen readers and the OS window list show it. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Ledgerlight` : 'Ledgerlight';
  }, [title]);
}
