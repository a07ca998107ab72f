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
  // "Healthy" beside a notice that the bank is down would contradict it: the connection is fine,
  // but what the person can expect from it is what Plaid says of the bank.
  const bank = connection.institution?.status?.overall;
  if (connection.status === 'ACTIVE' && !connection.paused && bank && bank !== 'HEALTHY') {
    return <Badge tone="warning">{bank === 'DOWN' ? 'Bank down' : 'Bank has problems'}</Badge>;
  }
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
