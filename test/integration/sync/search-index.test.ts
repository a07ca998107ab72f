import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { linkSandbox, startHarness, type Harness } from '../../support/sync-harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

/**
 * The search triggers as migration 015 wrote them, before a sync's apply indexed its new rows in
 * one statement: every row indexed one by one as it is written. The sync store sees no deferral
 * check in them and indexes per row, as before.
 */
const PER_ROW_TRIGGERS = `
DROP TRIGGER transactions_fts_insert;
DROP TRIGGER transactions_fts_delete;
DROP TRIGGER transactions_fts_update;
CREATE TRIGGER transactions_fts_insert AFTER INSERT ON transactions BEGIN
  INSERT INTO transactions_fts(rowid, name, merchant_name, payee, notes)
    VALUES (new.seq, new.name, new.merchant_name, new.payee, new.notes);
END;
CREATE TRIGGER transactions_fts_delete AFTER DELETE ON transactions BEGIN
  INSERT INTO transactions_fts(transactions_fts, rowid, name, merchant_name, payee, notes)
    VALUES ('delete', old.seq, old.name, old.merchant_name, old.payee, old.notes);
END;
CREATE TRIGGER transactions_fts_update AFTER UPDATE OF name, merchant_name, payee, notes
  ON transactions BEGIN
  INSERT INTO transactions_fts(transactions_fts, rowid, name, merchant_name, payee, notes)
    VALUES ('delete', old.seq, old.name, old.merchant_name, old.payee, old.notes);
  INSERT INTO transactions_fts(rowid, name, merchant_name, payee, notes)
    VALUES (new.seq, new.name, new.merchant_name, new.payee, new.notes);
END;
`;

/** One ledger's life: rules, a first sync, the person's edits, more syncs and a full resync. */
async function buildLedger(perRow: boolean): Promise<Harness> {
  const h = await startHarness({ core: { manualCooldownMs: 0 } });
  harnesses.push(h);
  if (perRow) {
    await h.core.close();
    const db = new BetterSqlite3(h.databasePath);
    db.exec(PER_ROW_TRIGGERS);
    db.close();
    await h.restart({ manualCooldownMs: 0 });
  }
  await h.call('rules.create', {
    conditions: { text: [{ field: 'bankText', op: 'contains', value: 'coffee' }] },
    actions: { payee: 'Morning Brew', notes: 'rule note' },
  });
  const { connectionId, itemId } = await linkSandbox(h);
  const first = await h.call('transactions.list', { limit: 5 });
  await h.call('transactions.update', {
    ids: first.items.map((t) => t.id),
    set: { notes: 'my own note' },
  });
  const grocery = await h.call('transactions.list', { search: 'safeway', limit: 1 });
  await h.call('transactions.update', {
    ids: [grocery.items[0]!.id],
    set: { payee: 'Corner Grocer' },
    payeeForSameText: true,
  });
  const sync = async (channel: 'connections.sync' | 'connections.resync') => {
    await h.call(channel, { connectionId });
    await h.core.idle();
  };
  h.emulator.control.advance({ days: 30, itemId });
  await sync('connections.sync');
  await sync('connections.resync');
  h.emulator.control.advance({ days: 5, itemId });
  await sync('connections.sync');
  return h;
}

/** Every token instance in the search index, by transaction id: the index's whole content. */
function indexContent(h: Harness): string[] {
  const db = new BetterSqlite3(h.databasePath);
  try {
    db.exec(
      "CREATE VIRTUAL TABLE temp.fts_instances USING fts5vocab(main, 'transactions_fts', 'instance')",
    );
    return (
      db
        .prepare(
          `SELECT t.id || ' ' || v.col || ' ' || v.offset || ' ' || v.term AS entry
           FROM temp.fts_instances v JOIN transactions t ON t.seq = v.doc`,
        )
        .pluck()
        .all() as string[]
    ).sort();
  } finally {
    db.close();
  }
}

/** FTS5's own check that the index matches the rows it indexes; throws when it does not. */
function checkIndex(h: Harness): void {
  const db = new BetterSqlite3(h.databasePath);
  try {
    db.exec("INSERT INTO transactions_fts(transactions_fts, rank) VALUES ('integrity-check', 1)");
  } finally {
    db.close();
  }
}

describe("the sync's search index, built in one statement per run", () => {
  it('finds exactly what a ledger indexed row by row finds', async () => {
    const [deferred, perRow] = await Promise.all([buildLedger(false), buildLedger(true)]);
    expect(
      new BetterSqlite3(perRow.databasePath, { readonly: true })
        .prepare("SELECT sql FROM sqlite_master WHERE name = 'transactions_fts_insert'")
        .pluck()
        .get(),
    ).not.toContain('search_index_deferral');

    checkIndex(deferred);
    checkIndex(perRow);
    const content = indexContent(deferred);
    expect(content.length).toBeGreaterThan(1000);
    expect(content).toEqual(indexContent(perRow));

    const queries = [
      'coffee',
      'starbucks',
      'ffee',
      'Morning Brew',
      'rule note',
      'my own note',
      'corner grocer',
      'safeway',
      'san francisco',
      'payroll',
      'nopa',
      'CA',
      'zz no such thing',
    ];
    let found = 0;
    for (const search of queries) {
      for (const includeRemoved of [false, true]) {
        const list = async (h: Harness) =>
          (await h.call('transactions.list', { search, includeRemoved, limit: 500 })).items.map(
            (t) => t.id,
          );
        const ids = await list(deferred);
        expect(ids, search).toEqual(await list(perRow));
        found += ids.length;
      }
    }
    expect(found).toBeGreaterThan(100);
    // The rule's and the person's words are in the index for rows the syncs added.
    expect(
      (await deferred.call('transactions.list', { search: 'rule note' })).items.length,
    ).toBeGreaterThan(1);
  });
});
