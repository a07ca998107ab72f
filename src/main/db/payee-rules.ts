import type { Database } from './open';

/**
 * Names new rows with the payee the person gave their bank text once ("for every transaction
 * with this bank text"), as every new synced row is; a row that already has a payee keeps it.
 */
export function applyPayeeRules(db: Database, seqs: readonly number[]): void {
  if (seqs.length === 0) return;
  const apply = db.prepare(
    `UPDATE transactions SET payee = (SELECT r.payee FROM payee_rules r WHERE r.raw_name = transactions.name)
     WHERE seq = ? AND payee IS NULL
       AND EXISTS (SELECT 1 FROM payee_rules r WHERE r.raw_name = transactions.name)`,
  );
  for (const seq of seqs) apply.run(seq);
}
