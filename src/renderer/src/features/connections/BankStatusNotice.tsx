import type { Connection } from '../../../../shared/model';
import { Notice } from '../../components/Notice';
import { formatAgo, formatDateTime } from '../../format/dates';
import { useNow } from '../../hooks/useNow';
import { bankTrouble } from './bank-status';

/** Plaid's word that the bank is degraded or down, shown before a sync fails because of it. */
export function BankStatusNotice({ connection }: { connection: Connection }) {
  const now = useNow(60_000);
  const trouble = bankTrouble(connection);
  if (!trouble) return null;
  return (
    <Notice
      tone={trouble.health === 'DOWN' ? 'error' : 'warning'}
      title={
        trouble.health === 'DOWN' ? `${trouble.bank} is down` : `${trouble.bank} is having problems`
      }
    >
      <p>{trouble.long}</p>
      <p className="notice-meta">
        {trouble.incident ? `Plaid: ${trouble.incident}. ` : ''}
        Checked{' '}
        <time dateTime={trouble.checkedAt} title={formatDateTime(trouble.checkedAt)}>
          {formatAgo(trouble.checkedAt, now)}
        </time>
        .
      </p>
    </Notice>
  );
}
