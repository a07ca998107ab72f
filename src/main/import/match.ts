/**
 * Deciding whether a row from a file (or typed by hand, or brought by Plaid) is money already in
 * the ledger. Pure: the caller loads the rows; nothing here reads or writes the database.
 *
 * The order, strictest first (USER-DATA.md has where each rule comes from):
 * 1. the file's own id (OFX FITID, a CSV id column) already known in this account, deleted rows
 *    included (a row the person deleted stays deleted);
 * 2. the same account and exact amount, dated at most `MATCH_WINDOW_DAYS` apart: closest date
 *    first, then the same payee; each row here is claimed at most once, and two rows that carry
 *    different ids from files are never the same;
 * 3. when the best candidates are equally good and not interchangeable, nothing is guessed: the
 *    row is added and the candidates become a suggestion for the person.
 * Rows within one file never match each other, so two genuine coffees on one day both stay.
 */

export const MATCH_WINDOW_DAYS = 4;

export interface IncomingRow {
  date: string;
  amount: number;
  /** The text a person would recognise: payee, else the bank's description. */
  text: string;
  externalId: string | null;
}

export interface CandidateRow {
  seq: number;
  date: string;
  amount: number;
  text: string;
  /** The id a file gave this row in this account, if any. */
  externalId: string | null;
}

export type MatchDecision =
  | { kind: 'id'; seq: number }
  /** The same id appeared earlier in the same file: it is that row again. */
  | { kind: 'repeat'; of: number }
  | { kind: 'amount-date'; seq: number }
  | { kind: 'suggested'; candidates: number[] }
  | { kind: 'new' };

/**
 * One decision per incoming row, in the same order. `knownIds` maps the file ids already in
 * this account (deleted rows included) to their row.
 */
export function matchRows(
  incoming: readonly IncomingRow[],
  candidates: readonly CandidateRow[],
  knownIds: ReadonlyMap<string, number>,
): MatchDecision[] {
  const decisions: (MatchDecision | null)[] = incoming.map(() => null);
  const firstWithId = new Map<string, number>();
  incoming.forEach((row, i) => {
    if (row.externalId === null) return;
    const known = knownIds.get(row.externalId);
    if (known !== undefined) decisions[i] = { kind: 'id', seq: known };
    else if (firstWithId.has(row.externalId)) {
      decisions[i] = { kind: 'repeat', of: firstWithId.get(row.externalId)! };
    } else firstWithId.set(row.externalId, i);
  });

  const claimed = new Set<number>();
  for (const decision of decisions) if (decision?.kind === 'id') claimed.add(decision.seq);

  const byAmount = new Map<number, CandidateRow[]>();
  for (const candidate of candidates) {
    const list = byAmount.get(candidate.amount);
    if (list) list.push(candidate);
    else byAmount.set(candidate.amount, [candidate]);
  }

  // Every possible pair with its score, best first, so an exact match anywhere in the file wins
  // over a looser one earlier in it (a month of equal daily interest rows lines up day by day).
  const pairs: Pair[] = [];
  incoming.forEach((row, i) => {
    if (decisions[i] !== null) return;
    for (const candidate of byAmount.get(row.amount) ?? []) {
      const days = daysApart(row.date, candidate.date);
      if (days > MATCH_WINDOW_DAYS) continue;
      if (row.externalId !== null && candidate.externalId !== null) continue;
      pairs.push({ row: i, candidate, score: score(days, row.text, candidate.text) });
    }
  });
  pairs.sort((a, b) => a.score - b.score || a.row - b.row || a.candidate.seq - b.candidate.seq);

  const pairsOf = new Map<number, Pair[]>();
  for (const pair of pairs) {
    const list = pairsOf.get(pair.row);
    if (list) list.push(pair);
    else pairsOf.set(pair.row, [pair]);
  }

  for (const pair of pairs) {
    if (decisions[pair.row] !== null || claimed.has(pair.candidate.seq)) continue;
    const tied = (pairsOf.get(pair.row) ?? []).filter(
      (p) => p.score === pair.score && !claimed.has(p.candidate.seq),
    );
    if (tied.every((p) => interchangeable(p.candidate, pair.candidate))) {
      claimed.add(pair.candidate.seq);
      decisions[pair.row] = { kind: 'amount-date', seq: pair.candidate.seq };
    } else {
      decisions[pair.row] = { kind: 'suggested', candidates: tied.map((p) => p.candidate.seq) };
    }
  }
  // A suggestion whose candidates a closer row claimed since is decided by what is left.
  decisions.forEach((decision, i) => {
    if (decision?.kind !== 'suggested') return;
    const open = decision.candidates.filter((seq) => !claimed.has(seq));
    if (open.length === 1) {
      claimed.add(open[0]!);
      decisions[i] = { kind: 'amount-date', seq: open[0]! };
    } else if (open.length === 0) decisions[i] = { kind: 'new' };
    else decisions[i] = { kind: 'suggested', candidates: open };
  });
  return decisions.map((d) => d ?? { kind: 'new' });
}

/** The one row an incoming row is, among candidates; a tie is returned as such, never guessed. */
export function matchOne(row: IncomingRow, candidates: readonly CandidateRow[]): MatchDecision {
  return matchRows([row], candidates, new Map())[0]!;
}

interface Pair {
  row: number;
  candidate: CandidateRow;
  score: number;
}

/** Lower is better: the days apart first, the same payee breaking ties between equal days. */
function score(days: number, a: string, b: string): number {
  return days * 2 + (samePayee(a, b) ? 0 : 1);
}

function interchangeable(a: CandidateRow, b: CandidateRow): boolean {
  return a.date === b.date && normalise(a.text) === normalise(b.text);
}

/** Words that say how money moved, not to whom: they make unrelated rows look alike. */
const NOISE = new Set([
  'pos',
  'debit',
  'credit',
  'card',
  'purchase',
  'payment',
  'the',
  'www',
  'com',
  'transfer',
  'online',
  'ach',
  'visa',
  'mastercard',
]);

function words(text: string): Set<string> {
  return new Set(
    normalise(text)
      .split(' ')
      .filter((word) => word.length >= 3 && !NOISE.has(word)),
  );
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/** "STARBUCKS STORE 123" and "Starbucks" are the same payee; "Shell" and "Starbucks" are not. */
export function samePayee(a: string, b: string): boolean {
  const left = words(a);
  for (const word of words(b)) if (left.has(word)) return true;
  return false;
}

export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}
