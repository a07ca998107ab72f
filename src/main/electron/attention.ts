import type { Connection } from '../../shared/model';

export interface AttentionNotice {
  /** Stable per connection and reason, so the same notice is shown once. */
  key: string;
  title: string;
  body: string;
}

/** Consent ending within this many days is worth a system notification. */
export const CONSENT_WARNING_DAYS = 7;

/**
 * What about a connection needs the user, as a system notification: a bank asking to sign in
 * again, access that ended, or consent about to expire. Plain data in, plain data out, so the
 * desktop shell only has to show it.
 */
export function attentionNotices(connections: Connection[], now: Date): AttentionNotice[] {
  const notices: AttentionNotice[] = [];
  for (const c of connections) {
    const name = c.displayName;
    if (c.status === 'LOGIN_REQUIRED') {
      notices.push({
        key: `${c.id}:login`,
        title: `${name} needs you to sign in again`,
        body: 'Open Ledgerlight and choose Repair on this connection to keep it syncing.',
      });
    } else if (c.status === 'ERROR' && c.error) {
      notices.push({
        key: `${c.id}:error:${c.error.code}`,
        title: `${name} stopped syncing`,
        body: c.error.message,
      });
    }
    if (c.status !== 'DISCONNECTED' && c.consentExpiresAt) {
      const daysLeft = (Date.parse(c.consentExpiresAt) - now.getTime()) / 86_400_000;
      if (daysLeft <= CONSENT_WARNING_DAYS) {
        notices.push({
          key: `${c.id}:consent:${c.consentExpiresAt}`,
          title:
            daysLeft > 0
              ? `${name}: access ends in ${Math.ceil(daysLeft)} days`
              : `${name}: access has ended`,
          body: 'Renew it from the connection in Ledgerlight (Repair) so syncing does not stop.',
        });
      }
    }
  }
  return notices;
}
