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

  // Candidates by amount, each list in date order, so a row reads only the few days around it
  // (a ledger can hold thousands of rows of one amount: a salary, a rent).
  const byAmount = new Map<number, Indexed[]>();
  for (const candidate of candidates) {
    const indexed = { candidate, day: dayNumber(candidate.date), text: normalise(candidate.text) };
    const list = byAmount.get(candidate.amount);
    if (list) list.push(indexed);
    else byAmount.set(candidate.amount, [indexed]);
  }
  for (const list of byAmount.values()) list.sort((a, b) => a.day - b.day);

  // Every possible pair with its score, best first, so an exact match anywhere in the file wins
  // over a looser one earlier in it (a month of equal daily interest rows lines up day by day).
  const pairs: Pair[] = [];
  incoming.forEach((row, i) => {
    if (decisions[i] !== null) return;
    const list = byAmount.get(row.amount);
    if (!list) return;
    const day = dayNumber(row.date);
    const rowWords = words(row.text);
    for (let k = firstAtOrAfter(list, day - MATCH_WINDOW_DAYS); k < list.length; k++) {
      const entry = list[k]!;
      if (entry.day > day + MATCH_WINDOW_DAYS) break;
      if (row.externalId !== null && entry.candidate.externalId !== null) continue;
      const same = sharesWord(rowWords, entry.text);
      pairs.push({
        row: i,
        candidate: entry,
        score: Math.abs(entry.day - day) * 2 + (same ? 0 : 1),
      });
    }
  });
  pairs.sort(
    (a, b) =>
      a.score - b.score || a.row - b.row || a.candidate.candidate.seq - b.candidate.candidate.seq,
  );

  const pairsOf = new Map<number, Pair[]>();
  for (const pair of pairs) {
    const list = pairsOf.get(pair.row);
    if (list) list.push(pair);
    else pairsOf.set(pair.row, [pair]);
  }

  for (const pair of pairs) {
    const seq = pair.candidate.candidate.seq;
    if (decisions[pair.row] !== null || claimed.has(seq)) continue;
    const tied = (pairsOf.get(pair.row) ?? []).filter(
      (p) => p.score === pair.score && !claimed.has(p.candidate.candidate.seq),
    );
    if (tied.every((p) => interchangeable(p.candidate, pair.candidate))) {
      claimed.add(seq);
      decisions[pair.row] = { kind: 'amount-date', seq };
    } else {
      decisions[pair.row] = {
        kind: 'suggested',
        candidates: tied.map((p) => p.candidate.candidate.seq),
      };
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

/** A candidate with what matching compares, worked out once. */
interface Indexed {
  candidate: CandidateRow;
  day: number;
  text: string;
}

/**
 * A possible match. Lower scores are better: the days apart first, the same payee breaking ties
 * between equal days.
 */
interface Pair {
  row: number;
  candidate: Indexed;
  score: number;
}

function interchangeable(a: Indexed, b: Indexed): boolean {
  return a.day === b.day && a.text === b.text;
}

/** The first entry dated `day` or later, by binary search. */
function firstAtOrAfter(list: readonly Indexed[], day: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.day < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Days since 1970 of an ISO date, without building a Date. */
function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
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
  return wordsOfNormalised(normalise(text));
}

function wordsOfNormalised(normalised: string): Set<string> {
  return new Set(normalised.split(' ').filter((word) => word.length >= 3 && !NOISE.has(word)));
}

function sharesWord(left: ReadonlySet<string>, normalisedRight: string): boolean {
  for (const word of wordsOfNormalised(normalisedRight)) if (left.has(word)) return true;
  return false;
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
  return sharesWord(words(a), normalise(b));
}
