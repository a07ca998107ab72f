import type { Connection, InstitutionHealth } from '../../../../shared/model';

/** What Plaid's status of a connection's bank means for the person, when it is not healthy. */
export interface BankTrouble {
  health: Exclude<InstitutionHealth, 'HEALTHY'>;
  bank: string;
  /** One sentence for the status line. */
  short: string;
  /** Sentences for the connection card. */
  long: string;
  incident: string | null;
  checkedAt: string;
}

/** Sign-in and new transactions: what each product's trouble means here. */
function affected(connection: Connection): string {
  const status = connection.institution?.status;
  const logins = status?.logins && status.logins !== 'HEALTHY';
  const transactions = status?.transactions && status.transactions !== 'HEALTHY';
  if (logins && transactions) return 'signing in and new transactions';
  if (logins) return 'signing in';
  if (transactions) return 'new transactions';
  return 'its connection';
}

/** The trouble Plaid reports at a live connection's bank, or null when it is fine or unknown. */
export function bankTrouble(connection: Connection): BankTrouble | null {
  const status = connection.institution?.status;
  if (!status || status.overall === 'HEALTHY' || connection.status === 'DISCONNECTED') return null;
  const bank = connection.institution!.name;
  const what = affected(connection);
  if (status.overall === 'DOWN') {
    return {
      health: 'DOWN',
      bank,
      short: `Plaid reports ${bank} is down`,
      long: `Plaid reports that ${bank} is down for ${what}. Syncs will likely fail until it is back; Ledgerlight keeps your data and tries again on schedule.`,
      incident: status.incident,
      checkedAt: status.checkedAt,
    };
  }
  return {
    health: 'DEGRADED',
    bank,
    short: `Plaid reports problems at ${bank}`,
    long: `Plaid reports that ${bank} is having problems with ${what}. Syncs may be slow or fail for a while; Ledgerlight tries again on schedule.`,
    incident: status.incident,
    checkedAt: status.checkedAt,
  };
}

/** Each bank in trouble once (the first of its connections), for the status line. */
export function banksInTrouble(
  connections: readonly Connection[],
): { connection: Connection; trouble: BankTrouble }[] {
  const seen = new Set<string>();
  const found: { connection: Connection; trouble: BankTrouble }[] = [];
  for (const connection of connections) {
    const trouble = bankTrouble(connection);
    const bank = connection.institution?.id;
    if (!trouble || !bank || seen.has(bank)) continue;
    seen.add(bank);
    found.push({ connection, trouble });
  }
  return found;
}
