/** One possible pairing of a money-out row with a money-in row, as the candidate query finds it. */
export interface Candidate {
  outSeq: number;
  inSeq: number;
  /** Whole days between the two dates, either way round. */
  daysApart: number;
}

/**
 * Chooses at most one pairing per row: the closest dates first, then the lower seqs, so the same
 * ledger always gives the same suggestions. A row that matches two equally good partners is
 * offered with the first; the other partner stays free for a pairing of its own.
 */
export function pickPairs<C extends Candidate>(candidates: readonly C[]): C[] {
  const ranked = [...candidates].sort(
    (a, b) => a.daysApart - b.daysApart || a.outSeq - b.outSeq || a.inSeq - b.inSeq,
  );
  const taken = new Set<number>();
  const picked: C[] = [];
  for (const c of ranked) {
    if (taken.has(c.outSeq) || taken.has(c.inSeq)) continue;
    taken.add(c.outSeq);
    taken.add(c.inSeq);
    picked.push(c);
  }
  return picked;
}
