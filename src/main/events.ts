import type { EventName, LedgerEvent, LedgerEvents } from '../shared/contract';

export type EventListener = (event: LedgerEvent) => void;

/** Fan-out of core events to every binding (IPC windows, SSE clients, tests). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: LedgerEvents[E]): void {
    const event = { name, payload } as LedgerEvent;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A broken listener (a closed window, a dead socket) must not stop the others.
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.listeners.clear();
  }
}
