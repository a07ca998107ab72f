/**
 * The figures a bench run produces, kept for `bench/results.json`: one object per figure, with the
 * floor it was measured against in the same run (when there is one) and the target it must meet.
 * Each part of the bench records its figures here; `writeResults` merges them into the file, so a
 * run of one part (BENCH_ONLY=…) updates only that part's figures.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  floor?: number;
  ratio?: number;
  /** What the figure must be, in words a reader can check, e.g. "≤ 200" or "≤ 1.5×". */
  target: string;
  met: boolean;
}

const recorded: Figure[] = [];

/** Keeps a figure: `max` is the target's upper bound, on `value` (or on `ratio` when given). */
export function record(figure: {
  name: string;
  value: number;
  unit: string;
  floor?: number;
  max: number;
  /** Compare `ratio` (value / floor) with `max` instead of `value`. */
  onRatio?: boolean;
}): Figure {
  const ratio =
    figure.floor !== undefined && figure.floor > 0 ? figure.value / figure.floor : undefined;
  const judged = figure.onRatio ? ratio : figure.value;
  const out: Figure = {
    name: figure.name,
    value: round(figure.value),
    unit: figure.unit,
    ...(figure.floor !== undefined ? { floor: round(figure.floor) } : {}),
    ...(ratio !== undefined ? { ratio: round(ratio) } : {}),
    target: figure.onRatio ? `ratio ≤ ${figure.max}` : `≤ ${figure.max} ${figure.unit}`,
    met: judged !== undefined && judged <= figure.max,
  };
  recorded.push(out);
  const extra = out.floor !== undefined ? `  floor ${out.floor}  ratio ${out.ratio}×` : '';
  process.stdout.write(
    `  ${out.met ? 'met ' : 'MISS'}  ${out.name.padEnd(32)} ${String(out.value).padStart(10)} ${out.unit}${extra}  (target ${out.target})\n`,
  );
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export const RESULTS_FILE = path.resolve(import.meta.dirname, 'results.json');

/** Merges this run's figures into bench/results.json (by name), keeping the other parts' figures. */
export function writeResults(file = RESULTS_FILE): void {
  const earlier: Figure[] = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Figure[])
    : [];
  const names = new Set(recorded.map((f) => f.name));
  const merged = [...earlier.filter((f) => !names.has(f.name)), ...recorded].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  fs.writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  process.stdout.write(
    `\n${recorded.length} figures written to ${path.relative(process.cwd(), file)}\n`,
  );
}
