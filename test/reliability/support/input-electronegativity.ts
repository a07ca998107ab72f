import { createRequire } from 'node:module';
import path from 'node:path';

export interface Finding {
  check: string;
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  confidence: string;
  /** Relative to the repository, with forward slashes ("N/A" for a finding about no file). */
  file: string;
  line: number;
  sample: string;
}

interface RawIssue {
  id: string;
  severity: { name: Finding['severity'] };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  sample?: string;
}

type Run = (options: Record<string, unknown>) => Promise<{ issues: RawIssue[] }>;

const requireHere = createRequire(import.meta.url);

/**
 * Electronegativity fetches fresh translations and Electron's release list over the network; a
 * fresh clone in CI must not depend on that. Its `got` is replaced by one that fails at once
 * (the tool then falls back to its bundled English texts), and the one check that needs the
 * release list is left out: the Electron version is pinned in package.json and updated there.
 */
function offlineRunner(): Run {
  const toolRequire = createRequire(
    requireHere.resolve('@doyensec/electronegativity/package.json'),
  );
  const gotPath = toolRequire.resolve('got');
  const offline = () => Promise.reject(new Error('offline: the hardening gate uses no network'));
  toolRequire.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: Object.assign(offline, { default: offline }),
  } as unknown as NodeJS.Module;
  return toolRequire('@doyensec/electronegativity') as Run;
}

export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/**
 * Every finding electronegativity reports for the folder `dir`; files are named as `label/…`
 * (e.g. a copy of out/ is reported as out/…).
 */
export async function scan(dir: string, label: string): Promise<Finding[]> {
  const electronVersion = (requireHere('electron/package.json') as { version: string }).version;
  const result = await offlineRunner()({
    input: dir,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
    electronVersionOverride: electronVersion,
    parserPlugins: [],
    isRelative: false,
  });
  return result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: path.isAbsolute(issue.file)
      ? [label, ...path.relative(dir, issue.file).split(path.sep)].join('/')
      : issue.file,
    line: issue.location.line,
    sample: (issue.sample ?? '').trim().slice(0, 120),
  }));
}
