/** What the parent of the crash-point suite asks one child process to do, and where it dies. */
export interface CrashJob {
  dataDir: string;
  plaidBaseUrl: string;
  secrets:
    | { kind: 'keychain'; service: string }
    | { kind: 'file'; file: string }
    | { kind: 'memory'; entries: Record<string, string> };
  action:
    | { kind: 'link'; publicToken: string }
    | { kind: 'sync' | 'resync'; connectionId: string }
    | { kind: 'disconnect'; connectionId: string }
    | { kind: 'settle'; disconnect?: string[] };
  kill?: KillPoint;
}

export type KillPoint =
  /** Before (or after) the n-th SQL write statement the process runs. */
  | { kind: 'write'; n: number; after: boolean }
  /** Before (or after) the n-th write whose SQL matches `pattern` (COMMIT, a table's name). */
  | { kind: 'sql'; pattern: string; n: number; after: boolean }
  /** Around the keychain write or delete of an access token. */
  | { kind: 'secret'; op: 'set' | 'delete'; after: boolean }
  /** At a random instant, by the parent's timer. */
  | { kind: 'time'; ms: number };
