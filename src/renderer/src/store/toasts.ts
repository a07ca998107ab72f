import { create } from 'zustand';

export type ToastTone = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  body?: string;
  /** One button beside the message, e.g. Undo; pressing it also dismisses the toast. */
  action?: { label: string; run(): void };
  /** A toast about a connection's sync in progress ends with that sync (see Toasts). */
  endsWithSyncOf?: string;
  /** When it appeared (ms), set by `push`. */
  shownAt?: number;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

const LIFETIME_MS: Record<ToastTone, number> = { success: 6000, info: 6000, error: 12000 };
const UNDO_LIFETIME_MS = 20000;
let nextId = 1;

/** Short confirmations of what an action did; errors stay longer and can be dismissed. */
export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { ...toast, id, shownAt: Date.now() }] }));
    // An offer to undo stays long enough to be read and reached by keyboard.
    const lifetime = toast.action ? UNDO_LIFETIME_MS : LIFETIME_MS[toast.tone];
    setTimeout(() => get().dismiss(id), lifetime);
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));

export const toast = (t: Omit<Toast, 'id'>) => useToasts.getState().push(t);
