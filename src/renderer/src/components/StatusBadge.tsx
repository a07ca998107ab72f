import type { ReactNode } from 'react';
import type { Connection } from '../../../shared/model';
import { statusLabel } from '../format/labels';

type Tone = 'positive' | 'warning' | 'danger' | 'neutral' | 'info';

export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** A connection's state in one word, coloured by how much it needs the user. */
export function StatusBadge({ connection, syncing }: { connection: Connection; syncing: boolean }) {
  if (syncing && connection.status !== 'DISCONNECTED') return <Badge tone="info">Syncing</Badge>;
  const tone: Tone =
    connection.status === 'ACTIVE'
      ? connection.paused
        ? 'neutral'
        : 'positive'
      : connection.status === 'LOGIN_REQUIRED'
        ? 'warning'
        : connection.status === 'ERROR'
          ? 'danger'
          : 'neutral';
  return <Badge tone={tone}>{statusLabel(connection.status, connection.paused)}</Badge>;
}
