import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHECK_EVERY_DAYS,
  integrityCheckDue,
  openDatabase,
  stateFileOf,
} from '../../../src/main/db/open';

/**
 * The full integrity check is skipped on a start after a clean close (it reads every page), so
 * these cases prove the check still runs whenever the file may be damaged, and catches the damage.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function fileInTemp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerlight-open-'));
  dirs.push(dir);
  return path.join(dir, 'ledgerlight.sqlite');
}

/** A ledger with enough rows that its indexes span many pages. */
async function ledgerWithRows(file: string) {
  const db = await openDatabase({ file });
  db.exec(`CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
           CREATE INDEX filler_text ON filler(text);`);
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 4000; i++) insert.run(`row ${i} ${'x'.repeat(i % 50)}`);
  })();
  return db;
}

/** Writes garbage over the middle of the filler index's pages, keeping the file's size. */
function damageIndex(file: string, rootPage: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const pageSize = 4096;
    const garbage = Buffer.alloc(1500, 0xa5);
    for (let page = rootPage; page < rootPage + 6; page++) {
      fs.writeSync(fd, garbage, 0, garbage.length, (page - 1) * pageSize + 1000);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function rootPageOf(db: Awaited<ReturnType<typeof openDatabase>>, name: string): number {
  return (
    db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(name) as {
      rootpage: number;
    }
  ).rootpage;
}

describe('the integrity check at start-up', () => {
  it('is skipped after a clean close, and due after a crash, an outside change, or a month', async () => {
    const file = fileInTemp();
    const now = new Date('2026-11-20T12:00:00Z');
    const first = await openDatabase({ file, now: () => now });
    expect(integrityCheckDue(file, now)).toMatch(/did not close cleanly/);
    first.close();
    expect(integrityCheckDue(file, now)).toBeNull();
    const later = new Date(now.getTime() + (CHECK_EVERY_DAYS + 1) * 86_400_000);
    expect(integrityCheckDue(file, later)).toMatch(/more than a month old/);

    fs.appendFileSync(file, Buffer.alloc(4096));
    expect(integrityCheckDue(file, now)).toMatch(/changed while Ledgerlight was not running/);
    fs.rmSync(stateFileOf(file));
    expect(integrityCheckDue(file, now)).toMatch(/never checked/);
  });

  it('catches a file damaged after a session that did not close cleanly', async () => {
    const file = fileInTemp();
    const crashed = await ledgerWithRows(file);
    const root = rootPageOf(crashed, 'filler_text');
    crashed.pragma('wal_checkpoint(TRUNCATE)');
    // The session never closes (as when the process is killed); its file is then damaged.
    damageIndex(file, root);
    await expect(openDatabase({ file })).rejects.toThrow(/failed its integrity check/);
    crashed.close();
  });

  it('catches a file damaged while Ledgerlight was not running, after a clean close', async () => {
    const file = fileInTemp();
    const db = await ledgerWithRows(file);
    const root = rootPageOf(db, 'filler_text');
    db.close();
    const reopened = await openDatabase({ file });
    reopened.close();
    expect(integrityCheckDue(file, new Date())).toBeNull();
    damageIndex(file, root);
    await expect(openDatabase({ file })).rejects.toThrow(/failed its integrity check/);
  });

  it('still names a foreign file on a start that skips the full check', async () => {
    const file = fileInTemp();
    (await openDatabase({ file })).close();
    const { size } = fs.statSync(file);
    fs.writeFileSync(file, Buffer.alloc(size, 0x41));
    // Damage that leaves the file's size and time as they were (as bit rot would).
    const state = JSON.parse(fs.readFileSync(stateFileOf(file), 'utf8')) as object;
    const { mtimeMs } = fs.statSync(file);
    fs.writeFileSync(stateFileOf(file), JSON.stringify({ ...state, closed: { size, mtimeMs } }));
    expect(integrityCheckDue(file, new Date())).toBeNull();
    await expect(openDatabase({ file })).rejects.toThrow(/cannot be read as a database/);
  });
});
