/**
 * Rules at scale: previewing and applying one rule over a ledger of 100,000 rows, against the
 * same change written as plain SQL (an UPDATE of the category and an INSERT of the history rows,
 * rolled back each time) in the same run. The channel does more than the floor (it runs the
 * engine per row, adds tags, keeps undo), so the ratio says what that costs.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Core } from '../src/main/core';
import { databaseFileName } from '../src/main/environment-file';

const REPEATS = 3;

interface RuleCase {
  conditions: Record<string, unknown>;
  /** The rows the rule changes, as SQL can find them. */
  where: string;
}

const CASES: Record<string, RuleCase> = {
  'bank text contains (1 in 7 rows)': {
    conditions: { text: [{ field: 'bankText', op: 'contains', value: 'starbucks' }] },
    where: "name LIKE '%starbucks%'",
  },
  'pattern on most rows (engine only)': {
    conditions: { text: [{ field: 'bankText', op: 'matches', value: '#\\d+$' }] },
    where: "name GLOB '*#[0-9]*'",
  },
};

async function call(core: Core, channel: string, input: unknown): Promise<unknown> {
  const result = await core.invoke(channel as 'rules.list', input as never);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function medianOf(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export async function rulesAgainstPlainSql(core: Core, dir: string, rows: number): Promise<void> {
  const db = new BetterSqlite3(path.join(dir, databaseFileName('sandbox')));
  process.stdout.write(
    `\none rule over ${rows.toLocaleString('en')} rows, median of ${REPEATS}\n` +
      `${'case'.padEnd(40)}${'rows'.padStart(8)}${'SQL ms'.padStart(10)}${'preview'.padStart(10)}` +
      `${'apply'.padStart(10)}${'ratio'.padStart(9)}\n`,
  );
  const actions = { category: 'Bench category', addTags: ['bench'] };
  for (const [name, rule] of Object.entries(CASES)) {
    const floorStatements = db.transaction(() => {
      db.prepare(
        `INSERT INTO transaction_edits (group_id, seq, field, before, after, source, at)
         SELECT 999999, seq, 'category', json_object('value', user_category, 'locked', 0),
           json_object('value', 'Bench category', 'locked', 0), 'rule', '2026-01-01'
         FROM transactions WHERE removed_at IS NULL AND ${rule.where}`,
      ).run();
      return db
        .prepare(
          `UPDATE transactions SET user_category = 'Bench category'
           WHERE removed_at IS NULL AND ${rule.where}`,
        )
        .run().changes;
    });
    const floor: number[] = [];
    let changed = 0;
    for (let i = 0; i < REPEATS; i++) {
      db.exec('SAVEPOINT floor');
      const started = performance.now();
      changed = floorStatements();
      floor.push(performance.now() - started);
      db.exec('ROLLBACK TO floor; RELEASE floor');
    }
    const created = (await call(core, 'rules.create', {
      conditions: rule.conditions,
      actions,
    })) as {
      id: number;
    };
    const preview: number[] = [];
    const apply: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      let started = performance.now();
      await call(core, 'rules.preview', { conditions: rule.conditions, actions, limit: 50 });
      preview.push(performance.now() - started);
      started = performance.now();
      const result = (await call(core, 'rules.apply', { id: created.id })) as {
        changedRows: number;
      };
      apply.push(performance.now() - started);
      if (result.changedRows !== changed) {
        throw new Error(`${name}: the rule changed ${result.changedRows} rows, SQL ${changed}`);
      }
      await call(core, 'transactions.undo', {});
    }
    await call(core, 'rules.delete', { id: created.id });
    const [f, p, a] = [medianOf(floor), medianOf(preview), medianOf(apply)];
    process.stdout.write(
      `${name.padEnd(40)}${String(changed).padStart(8)}${f.toFixed(0).padStart(10)}` +
        `${p.toFixed(0).padStart(10)}${a.toFixed(0).padStart(10)}${(a / f).toFixed(1).padStart(8)}×\n`,
    );
  }
  db.close();
}
