import { Notification } from 'electron';
import type { Connection } from '../../shared/model';
import type { Core } from '../core';
import { attentionNotices } from './attention';

/**
 * A system notification, once each, when a connection needs the user (see attention.ts): after
 * every run that ends, and once at start-up.
 */
export function notifyWhenNeeded(core: Core, showApp: () => void): () => void {
  const shown = new Set<string>();
  const check = async () => {
    const result = await core.invoke('connections.list', {});
    if (!result.ok || !Notification.isSupported()) return;
    for (const notice of attentionNotices(result.value as Connection[], new Date())) {
      if (shown.has(notice.key)) continue;
      shown.add(notice.key);
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', showApp);
      notification.show();
    }
  };
  const unsubscribe = core.events.subscribe((event) => {
    if (event.name === 'sync.failed' || event.name === 'sync.completed') void check();
  });
  void check();
  return unsubscribe;
}
